package io.otcrouter.events.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.otcrouter.events.SampleEvents;
import io.otcrouter.events.catalog.Topics;

class TradeIdsTest {

    private final TradeIdProducerInterceptor producer = new TradeIdProducerInterceptor();
    private final TradeIdRecordInterceptor consumer = new TradeIdRecordInterceptor();

    @AfterEach
    void clearContext() {
        MDC.clear();
    }

    @Test
    void shouldStampTheTradeIdOfTheEventItself() {
        ProducerRecord<Object, Object> record = producer.onSend(
                new ProducerRecord<>(Topics.QUOTES_REQUESTED.name(), "SOL/USDC", SampleEvents.quoteRequested()));

        assertThat(header(record)).isEqualTo("t-1");
    }

    @Test
    void shouldTakeTheKeyOfATopicKeyedByTradeWhenTheValueIsRawOutboxBytes() {
        ProducerRecord<Object, Object> settled = producer.onSend(
                new ProducerRecord<>(Topics.TRADES_SETTLED.name(), "t-9", new byte[] {1, 2}));
        ProducerRecord<Object, Object> prices = producer.onSend(
                new ProducerRecord<>(Topics.PRICES_UPDATED.name(), "SOL", new byte[] {1, 2}));

        assertThat(header(settled)).isEqualTo("t-9");
        assertThat(prices.headers().lastHeader(TradeIds.HEADER)).as("a symbol is not a trade id").isNull();
    }

    @Test
    void shouldFallBackToTheTradeInTheLoggingContext() {
        MDC.put(TradeIds.MDC_KEY, "t-from-request");

        ProducerRecord<Object, Object> record = producer.onSend(
                new ProducerRecord<>(Topics.POOLS_QUOTED.name(), "SOL/USDC", SampleEvents.poolQuoted()));

        assertThat(header(record)).isEqualTo("t-from-request");
    }

    @Test
    void shouldPutTheTradeInTheLoggingContextForOneRecordOnly() {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>(Topics.POOLS_QUOTED.name(), 0, 0, "SOL/USDC",
                SampleEvents.poolQuoted());
        record.headers().add(TradeIds.HEADER, "t-5".getBytes(StandardCharsets.UTF_8));

        consumer.intercept(record, null);
        String during = MDC.get(TradeIds.MDC_KEY);
        consumer.afterRecord(record, null);

        assertThat(during).isEqualTo("t-5");
        assertThat(MDC.get(TradeIds.MDC_KEY)).isNull();
    }

    private static String header(ProducerRecord<Object, Object> record) {
        return new String(record.headers().lastHeader(TradeIds.HEADER).value(), StandardCharsets.UTF_8);
    }
}
