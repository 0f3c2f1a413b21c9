package io.otcrouter.router.config;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.router.trades.PublishTimeouts;

/** The decision's publish timeouts, the API's and the producer's, checked against each other at start-up. */
@Configuration(proxyBeanMethods = false)
class PublishingConfig {

    @Bean
    PublishTimeouts publishTimeouts(TradeApiProperties api, KafkaProperties kafka) {
        return PublishTimeouts.of(api.publishWait(), kafka.buildProducerProperties());
    }
}
