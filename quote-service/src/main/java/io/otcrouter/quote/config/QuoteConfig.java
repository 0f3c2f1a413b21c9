package io.otcrouter.quote.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.JupiterClient;
import io.otcrouter.quote.dex.JupiterProperties;
import io.otcrouter.quote.dex.SimulatedDex;
import io.otcrouter.quote.dex.SimulatedDexProperties;
import io.otcrouter.quote.execution.DexLegExecutor;
import io.otcrouter.quote.execution.LegExecutedPublisher;
import io.otcrouter.quote.pricing.ReferencePrices;
import io.otcrouter.quote.quoting.JupiterQuotedPublisher;
import io.otcrouter.quote.quoting.QuoteResponder;
import tools.jackson.databind.json.JsonMapper;

/** Wires the plain domain objects of quote-service. */
@Configuration(proxyBeanMethods = false)
class QuoteConfig {

    /** How many executed (tradeId, legId) pairs are remembered to drop redeliveries. */
    private static final int REMEMBERED_LEGS = 10_000;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TokenCatalog tokenCatalog() {
        return TokenCatalog.defaults();
    }

    @Bean
    ReferencePrices referencePrices() {
        return new ReferencePrices();
    }

    @Bean
    SimulatedDex simulatedDex(ReferencePrices prices, TokenCatalog tokens, SimulatedDexProperties properties) {
        return new SimulatedDex(prices, tokens, properties);
    }

    @Bean
    JupiterClient jupiterClient(RestClient.Builder builder, JsonMapper jsonMapper, JupiterProperties properties) {
        return JupiterClient.create(builder, jsonMapper, properties);
    }

    @Bean
    DexQuoter dexQuoter(JupiterProperties properties, JupiterClient jupiter, SimulatedDex simulated) {
        return new DexQuoter(properties.mode(), jupiter, simulated);
    }

    @Bean
    QuoteResponder quoteResponder(DexQuoter quoter, JupiterQuotedPublisher publisher, Clock clock) {
        return new QuoteResponder(quoter, publisher, clock);
    }

    @Bean
    DexLegExecutor dexLegExecutor(DexQuoter quoter, LegExecutedPublisher publisher, TokenCatalog tokens,
            Clock clock) {
        return new DexLegExecutor(quoter, publisher, tokens, REMEMBERED_LEGS, clock);
    }
}
