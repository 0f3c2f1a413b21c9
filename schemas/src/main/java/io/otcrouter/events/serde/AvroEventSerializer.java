package io.otcrouter.events.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any event of the contract with Avro single-object encoding: {@code C3 01}, the 8-byte CRC-64-AVRO
 * fingerprint of the writer schema, then the binary body. Any Avro library can read it given the .avsc files.
 *
 * <p>A {@code byte[]} value is written as it is: that is how a dead-letter recoverer forwards a record it could
 * not deserialize, keeping the original bytes for whoever investigates the {@code .DLT}.
 */
public class AvroEventSerializer implements Serializer<Object> {

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (!(value instanceof SpecificRecord event)) {
            throw new SerializationException("Not an event of the contract: " + value.getClass().getName());
        }
        try {
            ByteBuffer buffer = encoders.computeIfAbsent(event.getClass(), this::encoderFor).encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + event.getClass().getSimpleName() + " for " + topic, e);
        }
    }

    private BinaryMessageEncoder<SpecificRecord> encoderFor(Class<?> type) {
        SpecificData model = SpecificData.getForClass(type);
        return new BinaryMessageEncoder<>(model, model.getSchema(type));
    }
}
