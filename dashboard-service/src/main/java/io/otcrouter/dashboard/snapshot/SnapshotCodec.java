package io.otcrouter.dashboard.snapshot;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A snapshot as JSON bytes. Amounts are written as plain decimals and read back as the same {@code BigDecimal},
 * scale included, so a restored aggregate equals the one that was written.
 */
final class SnapshotCodec {

    private final JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    byte[] encode(ReadModelSnapshot snapshot) {
        return json.writeValueAsBytes(snapshot);
    }

    /** @throws IllegalArgumentException when the bytes are not a snapshot of the current format */
    ReadModelSnapshot decode(byte[] bytes) {
        ReadModelSnapshot snapshot;
        try {
            snapshot = json.readValue(bytes, ReadModelSnapshot.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a read-model snapshot: " + e.getOriginalMessage(), e);
        }
        if (snapshot.format() != ReadModelSnapshot.FORMAT) {
            throw new IllegalArgumentException("snapshot format " + snapshot.format() + ", this dashboard reads "
                    + ReadModelSnapshot.FORMAT);
        }
        return snapshot;
    }
}
