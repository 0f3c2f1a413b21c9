package io.otcrouter.otcpool.config;

import java.time.Clock;
import java.util.random.RandomGenerator;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.otcrouter.kafka.prices.EnableReferencePrices;
import io.otcrouter.otcpool.pricing.PoolPricer;
import io.otcrouter.otcpool.pricing.PriceGuard;
import io.otcrouter.otcpool.pricing.SpreadCalculator;

/** The pools price against the reference prices that each instance reads in full (kafka-support). */
@Configuration(proxyBeanMethods = false)
@EnableReferencePrices
@EnableScheduling
@ConfigurationPropertiesScan("io.otcrouter.otcpool")
class ApplicationConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PoolPricer poolPricer(PoolProperties properties) {
        return new PoolPricer(new SpreadCalculator(properties.spreadPolicy(), RandomGenerator.getDefault()));
    }

    @Bean
    PriceGuard priceGuard(PoolProperties properties, Clock clock) {
        return new PriceGuard(properties.allowStalePrices(), properties.maxPriceAge(), clock);
    }
}
