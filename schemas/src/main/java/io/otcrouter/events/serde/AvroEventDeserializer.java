package io.otcrouter.events.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;

/**
 * Reads any event of the contract, whichever released schema version wrote it, into the current generated
 * class. The writer is recognised by the fingerprint in the single-object header, looked up in a
 * {@link SchemaStore} holding every released version. Anything else (wrong marker, unknown fingerprint,
 * truncated body) is a {@link SerializationException}, which spring-kafka's {@code ErrorHandlingDeserializer}
 * turns into a dead letter instead of a partition stuck on a poison record.
 */
public class AvroEventDeserializer implements Deserializer<SpecificRecord> {

    private static final int HEADER_LENGTH = 10;

    private final Map<Long, BinaryMessageDecoder<? extends SpecificRecord>> decodersByFingerprint;

    public AvroEventDeserializer() {
        this(List.of());
    }

    /**
     * With writer schemas beyond the released ones (matched to an event by full name), for a consumer that must
     * read records from a producer ahead of this release.
     */
    public AvroEventDeserializer(Collection<Schema> extraWriters) {
        this.decodersByFingerprint = indexWriters(extraWriters);
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH || data[0] != (byte) 0xC3 || data[1] != (byte) 0x01) {
            throw new SerializationException("Record on " + topic + " is not Avro single-object encoded");
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        BinaryMessageDecoder<? extends SpecificRecord> decoder = decodersByFingerprint.get(fingerprint);
        if (decoder == null) {
            throw new SerializationException("Record on " + topic + " was written with an unknown schema, fingerprint "
                    + Long.toHexString(fingerprint));
        }
        try {
            return decoder.decode(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode record on " + topic, e);
        }
    }

    private static Map<Long, BinaryMessageDecoder<? extends SpecificRecord>> indexWriters(
            Collection<Schema> extraWriters) {
        Map<Long, BinaryMessageDecoder<? extends SpecificRecord>> index = new HashMap<>();
        for (Topic<?> topic : Topics.ALL) {
            Class<? extends SpecificRecord> type = topic.valueType();
            Schema current = ReleasedSchemas.currentOf(type);
            List<Schema> writers = new ArrayList<>(ReleasedSchemas.versionsOf(type));
            writers.add(current);
            extraWriters.stream().filter(s -> s.getFullName().equals(current.getFullName())).forEach(writers::add);
            SchemaStore.Cache store = new SchemaStore.Cache();
            writers.forEach(store::addSchema);
            BinaryMessageDecoder<? extends SpecificRecord> decoder =
                    new BinaryMessageDecoder<>(SpecificData.getForClass(type), current, store);
            writers.forEach(writer -> index.put(SchemaNormalization.parsingFingerprint64(writer), decoder));
        }
        return Map.copyOf(index);
    }
}
