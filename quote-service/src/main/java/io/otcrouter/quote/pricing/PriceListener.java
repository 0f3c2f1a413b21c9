package io.otcrouter.quote.pricing;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

import io.otcrouter.events.PriceUpdated;

/**
 * Feeds {@link ReferencePrices} from the compacted prices topic. The prices live only in memory, so every
 * assignment rewinds to the beginning of the topic (cheap: compacted, one record per symbol). Duplicates and
 * out-of-order records are harmless: {@link ReferencePrices} keeps the latest {@code observedAt}.
 */
@Component
class PriceListener extends AbstractConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(PriceListener.class);

    private final ReferencePrices prices;

    PriceListener(ReferencePrices prices) {
        this.prices = prices;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        callback.seekToBeginning(assignments.keySet());
    }

    @KafkaListener(topics = "#{T(io.otcrouter.events.catalog.Topics).PRICES_UPDATED.name()}")
    void on(PriceUpdated event) {
        boolean taken = prices.update(event.getMint(), event.getPriceUsd(), event.getObservedAt());
        log.debug("Price {} {} USD observed {} ({})", event.getSymbol(), event.getPriceUsd(), event.getObservedAt(),
                taken ? "taken" : "older than the one known, ignored");
    }
}
