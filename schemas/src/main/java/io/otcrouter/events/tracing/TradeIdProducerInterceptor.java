package io.otcrouter.events.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.MDC;

/**
 * Stamps every outgoing record with the trade it belongs to ({@link TradeIds#HEADER}): from the event itself, else
 * from the key of a topic keyed by trade id (outbox relays send raw bytes), else from the logging context of the
 * thread that sends it (a listener handling that trade, or the router's request thread). Enable it with the producer
 * property {@code interceptor.classes}.
 */
public class TradeIdProducerInterceptor implements ProducerInterceptor<Object, Object> {

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.headers().lastHeader(TradeIds.HEADER) == null) {
            TradeIds.of(record.value())
                    .or(() -> TradeIds.fromKey(record.topic(), record.key()))
                    .or(() -> Optional.ofNullable(MDC.get(TradeIds.MDC_KEY)))
                    .ifPresent(tradeId -> record.headers().add(TradeIds.HEADER,
                            tradeId.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // Nothing to do after the send.
    }

    @Override
    public void close() {
        // No resources.
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // No settings.
    }
}
