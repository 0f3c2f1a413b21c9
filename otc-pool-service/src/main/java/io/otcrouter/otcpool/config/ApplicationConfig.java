package io.otcrouter.otcpool.config;

import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.otcrouter.otcpool.pricing.PoolPricer;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConfigurationPropertiesScan("io.otcrouter.otcpool")
class ApplicationConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PoolPricer poolPricer() {
        return new PoolPricer();
    }
}
