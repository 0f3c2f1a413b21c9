package io.otcrouter.quote.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.kafka.prices.EnableReferencePrices;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.budget.JupiterBudgetProperties;
import io.otcrouter.quote.budget.JupiterRateLimiter;
import io.otcrouter.quote.budget.Pacer;
import io.otcrouter.quote.curve.DepthCurveCache;
import io.otcrouter.quote.curve.DepthCurveProperties;
import io.otcrouter.quote.dex.BudgetedJupiter;
import io.otcrouter.quote.dex.DepthCurveRefresher;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.JupiterClient;
import io.otcrouter.quote.dex.JupiterProperties;
import io.otcrouter.quote.dex.RequestLane;
import io.otcrouter.quote.dex.SimulatedDex;
import io.otcrouter.quote.dex.SimulatedDexProperties;
import io.otcrouter.quote.execution.DexLegExecutor;
import io.otcrouter.quote.quoting.JupiterQuotedPublisher;
import io.otcrouter.quote.quoting.QuoteResponder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the plain domain objects of quote-service. The Jupiter client is reachable only through
 * {@link BudgetedJupiter}, so every Jupiter call of the service spends the one shared {@link JupiterRateLimiter}.
 * The simulated DEX prices from the {@link ReferencePrices} that each instance reads in full (kafka-support).
 */
@Configuration(proxyBeanMethods = false)
@EnableReferencePrices
class QuoteConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TokenCatalog tokenCatalog() {
        return TokenCatalog.defaults();
    }

    @Bean
    SimulatedDex simulatedDex(ReferencePrices prices, TokenCatalog tokens, SimulatedDexProperties properties) {
        return new SimulatedDex(prices, tokens, properties);
    }

    @Bean
    JupiterRateLimiter jupiterRateLimiter(JupiterProperties jupiter, JupiterBudgetProperties budget, Clock clock) {
        return new JupiterRateLimiter(budget.effectiveRate(jupiter.hasApiKey()), budget.burst(),
                budget.cooldownAfterRateLimit(), budget.outageCooldown(), clock);
    }

    @Bean
    DepthCurveCache depthCurveCache(DepthCurveProperties properties, Clock clock) {
        return new DepthCurveCache(properties.ttl(), properties.activeFor(), properties.maxPointsPerPair(), clock);
    }

    /** The bounded pool the Jupiter calls of requests run on; shut down with the context. */
    @Bean
    RequestLane requestLane(JupiterBudgetProperties budget, Clock clock) {
        return RequestLane.ofThreads(budget.maxConcurrency(), clock);
    }

    @Bean
    BudgetedJupiter budgetedJupiter(RestClient.Builder builder, JsonMapper jsonMapper, JupiterProperties properties,
            JupiterRateLimiter limiter, DepthCurveCache curves, RequestLane lane, Clock clock) {
        JupiterClient client = JupiterClient.create(builder, jsonMapper, properties, limiter);
        return new BudgetedJupiter(client, limiter, Pacer.parking(clock), curves, lane, clock);
    }

    @Bean
    DepthCurveRefresher depthCurveRefresher(BudgetedJupiter jupiter, DepthCurveCache curves) {
        return new DepthCurveRefresher(jupiter, curves);
    }

    @Bean
    DexQuoter dexQuoter(JupiterProperties properties, BudgetedJupiter jupiter, SimulatedDex simulated,
            DepthCurveCache curves, Clock clock, JupiterBudgetProperties budget) {
        return new DexQuoter(properties.mode(), jupiter, simulated, curves, clock, budget.maxSlotWait());
    }

    @Bean
    QuoteResponder quoteResponder(DexQuoter quoter, JupiterQuotedPublisher publisher, Clock clock,
            JupiterBudgetProperties budget) {
        return new QuoteResponder(quoter, publisher, clock, budget.callAllowance(), budget.replyMargin());
    }

    @Bean
    DexLegExecutor dexLegExecutor(DexQuoter quoter, TokenCatalog tokens, Clock clock, JupiterBudgetProperties budget) {
        return new DexLegExecutor(quoter, tokens, clock, budget.executionWait());
    }
}
