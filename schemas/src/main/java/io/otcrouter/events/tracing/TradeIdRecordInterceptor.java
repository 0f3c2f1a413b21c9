package io.otcrouter.events.tracing;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the trade id of the record a listener is handling into the logging context ({@link TradeIds#MDC_KEY}) for the
 * time of that record, so every log line a service writes about a trade carries its id, and records the listener
 * sends inherit it. Spring Boot installs a {@code RecordInterceptor} bean on its listener container factory; this
 * class needs spring-kafka, which is an optional dependency of the contract jar.
 */
public class TradeIdRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        TradeIds.fromHeaders(record.headers())
                .or(() -> TradeIds.of(record.value()))
                .or(() -> TradeIds.fromKey(record.topic(), record.key()))
                .ifPresentOrElse(tradeId -> MDC.put(TradeIds.MDC_KEY, tradeId), () -> MDC.remove(TradeIds.MDC_KEY));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(TradeIds.MDC_KEY);
    }
}
