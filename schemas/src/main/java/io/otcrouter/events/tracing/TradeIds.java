package io.otcrouter.events.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;

/**
 * The trade a record is about, carried in the Kafka header {@value #HEADER} so every service can put it in its logs
 * ({@value #MDC_KEY} in the logging context) without decoding the value. Part of the contract: consumers outside this
 * repository may rely on the header.
 */
public final class TradeIds {

    /** Kafka header holding the trade id (UTF-8). */
    public static final String HEADER = "otc-trade-id";
    /** Logging-context key of the trade id. */
    public static final String MDC_KEY = "tradeId";

    private TradeIds() {
    }

    /** The trade id of an event that has one (decisions, executions, settlements, trade quote requests). */
    public static Optional<String> of(Object value) {
        if (value instanceof SpecificRecord record) {
            Schema.Field field = record.getSchema().getField("tradeId");
            if (field != null) {
                return Optional.ofNullable(record.get(field.pos())).map(Object::toString);
            }
        }
        return Optional.empty();
    }

    /** The key is the trade id on the topics keyed by it, whatever the value looks like (raw outbox bytes too). */
    public static Optional<String> fromKey(String topic, Object key) {
        if (key == null) {
            return Optional.empty();
        }
        return Topics.ALL.stream().filter(t -> t.name().equals(topic) || t.deadLetterTopic().equals(topic))
                .findFirst().filter(TradeIds::keyedByTrade).map(t -> key.toString());
    }

    public static Optional<String> fromHeaders(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static boolean keyedByTrade(Topic<?> topic) {
        return "tradeId".equals(topic.keyMeaning());
    }
}
