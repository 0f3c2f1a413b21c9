package io.otcrouter.price.pricing;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;

/** A price source standing in for CoinGecko, Kraken or Binance: each round it answers what the test supplies. */
public final class StubSource implements PriceSourceClient {

    private final PriceSource source;
    private final Supplier<Map<String, SourcePrice>> answers;

    private StubSource(PriceSource source, Supplier<Map<String, SourcePrice>> answers) {
        this.source = source;
        this.answers = answers;
    }

    /** Answers {@code answers.get()} every round: what it returns, or what it throws. */
    public static PriceSourceClient answering(PriceSource source, Supplier<Map<String, SourcePrice>> answers) {
        return new StubSource(source, answers);
    }

    public static PriceSourceClient answering(PriceSource source, Map<String, SourcePrice> prices) {
        return answering(source, () -> prices);
    }

    @Override
    public PriceSource source() {
        return source;
    }

    @Override
    public Map<String, SourcePrice> fetch(List<Token> tokens) {
        return answers.get();
    }
}
