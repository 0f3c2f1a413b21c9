package io.otcrouter.price;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real external API payloads copied from shared/fixtures/external-apis into src/test/resources/fixtures. */
public final class Fixtures {

    public static final String COINGECKO_PRICE = "coingecko-simple-price-bitcoin-docs.json";
    public static final String COINGECKO_429 = "coingecko-429-rate-limit.json";
    public static final String KRAKEN_TICKER = "kraken-ticker-xxbtzusd-docs.json";
    public static final String KRAKEN_ERROR = "kraken-error-docs.json";
    public static final String BINANCE_TICKER_24HR = "binance-ticker-24hr-full-docs.json";
    public static final String BINANCE_429 = "binance-error-429-too-much-weight.json";
    public static final String BINANCE_451 = "binance-error-451-restricted-location.json";
    public static final String BINANCE_INVALID_SYMBOL = "binance-error-invalid-symbol-docs.json";

    private Fixtures() {
    }

    public static String read(String name) {
        String path = "fixtures/" + name;
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
