package io.otcrouter.price.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.otcrouter.price.pricing.PriceRefresher;

/** Runs a refresh round at start-up, then one every {@code otc.prices.refresh-interval} after the last ended. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig implements SchedulingConfigurer {

    private final PriceRefresher refresher;
    private final KafkaTopicDeclaration topics;
    private final PricingProperties properties;

    SchedulingConfig(PriceRefresher refresher, KafkaTopicDeclaration topics, PricingProperties properties) {
        this.refresher = refresher;
        this.topics = topics;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            topics.ensureDeclared();
            refresher.run();
        }, properties.refreshInterval());
    }
}
