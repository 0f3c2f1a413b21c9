package io.otcrouter.quote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real Jupiter payloads copied from the shared fixtures (see src/test/resources/fixtures). */
public final class JupiterFixtures {

    public static final String QUOTE_SOL_USDC = "jupiter-swap-v1-quote-sol-usdc-docs.json";
    public static final String ERROR_400_NO_ROUTE = "jupiter-quote-error-400-no-route.json";
    public static final String ERROR_400_INVALID_REQUEST = "jupiter-quote-v6-error-400-invalid-request.json";
    public static final String ERROR_429_API_GATEWAY = "jupiter-error-429-api-gateway.json";

    private JupiterFixtures() {
    }

    public static byte[] body(String fixture) {
        try (InputStream in = JupiterFixtures.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
