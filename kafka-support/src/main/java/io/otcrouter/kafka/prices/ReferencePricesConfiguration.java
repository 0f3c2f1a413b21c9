package io.otcrouter.kafka.prices;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

import io.otcrouter.events.catalog.Topics;

/** The beans of {@link EnableReferencePrices}: the cache and its reader, built on Boot's consumer settings. */
@Configuration(proxyBeanMethods = false)
class ReferencePricesConfiguration {

    @Bean
    ReferencePrices referencePrices() {
        return new ReferencePrices();
    }

    @Bean
    ReferencePriceReader referencePriceReader(ConsumerFactory<?, ?> consumers, ReferencePrices prices,
            ObjectProvider<ReferencePriceListener> listeners) {
        return new ReferencePriceReader(consumers, Topics.PRICES_UPDATED.name(), prices,
                listeners.orderedStream().toList());
    }
}
