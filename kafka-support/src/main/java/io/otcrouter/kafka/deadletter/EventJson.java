package io.otcrouter.kafka.deadletter;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro event as plain maps and lists that any JSON writer renders faithfully: decimals as strings (an amount in
 * atomic units does not fit a double), instants and enums as text, bytes as base64. Avro's own {@code toString}
 * is not used because it writes instants and decimals unquoted, which is not JSON.
 */
final class EventJson {

    private EventJson() {
    }

    static Map<String, Object> of(IndexedRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            json.put(field.name(), value(record.get(field.pos())));
        }
        return json;
    }

    private static Object value(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : value;
        }
        if (value instanceof IndexedRecord nested) {
            return of(nested);
        }
        if (value instanceof ByteBuffer bytes) {
            return Base64.getEncoder().encodeToString(copy(bytes));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EventJson::value).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            map.forEach((key, entry) -> entries.put(key.toString(), value(entry)));
            return entries;
        }
        // Strings, enums (generated or generic), Instant, LocalDate, UUID: their text is their JSON.
        return value.toString();
    }

    private static byte[] copy(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
