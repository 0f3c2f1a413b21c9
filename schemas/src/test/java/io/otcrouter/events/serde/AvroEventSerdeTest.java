package io.otcrouter.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

import io.otcrouter.events.SampleEvents;
import io.otcrouter.events.catalog.Topics;

class AvroEventSerdeTest {

    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

    static Iterable<SpecificRecord> everyEvent() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void shouldRoundTripEveryEventUnchanged(SpecificRecord event) {
        byte[] bytes = serializer.serialize("any", event);

        // Field by field: Avro's generated equals() cannot compare arrays of records holding nullable decimals.
        assertThat(deserializer.deserialize("any", bytes)).isInstanceOf(event.getClass())
                .usingRecursiveComparison().isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void shouldWriteTheSingleObjectMarkerFirst(SpecificRecord event) {
        byte[] bytes = serializer.serialize("any", event);

        assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0xC3, 0x01);
    }

    @Test
    void shouldKeepAmountsAboveLongMaxExact() {
        byte[] bytes = serializer.serialize("any", SampleEvents.quoteRequested());

        var decoded = (io.otcrouter.events.QuoteRequested) deserializer.deserialize("any", bytes);
        assertThat(decoded.getAmountIn().toBigIntegerExact()).isEqualTo(SampleEvents.U64_MAX);
    }

    @Test
    void shouldRefuseGarbageWithASerializationError() {
        assertThatThrownBy(() -> deserializer.deserialize("any", "not avro at all".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("single-object");
    }

    @Test
    void shouldRefuseARecordWithAnUnknownFingerprint() {
        byte[] bytes = serializer.serialize("any", SampleEvents.priceUpdated());
        bytes[5] ^= 0x7F;

        assertThatThrownBy(() -> deserializer.deserialize("any", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown schema");
    }

    @Test
    void shouldRefuseATruncatedBody() {
        byte[] bytes = serializer.serialize("any", SampleEvents.routeDecided());

        assertThatThrownBy(() -> deserializer.deserialize("any", Arrays.copyOf(bytes, 14)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldPassRawBytesThroughSoDeadLettersKeepTheOriginalRecord() {
        byte[] raw = {1, 2, 3};

        assertThat(serializer.serialize("any.DLT", raw)).isSameAs(raw);
    }

    @Test
    void shouldLetTheErrorHandlingDeserializerTurnGarbageIntoAFailureHeaderInsteadOfAnException() {
        try (var handling = new ErrorHandlingDeserializer<>(deserializer)) {
            RecordHeaders headers = new RecordHeaders();

            Object value = handling.deserialize(Topics.QUOTES_REQUESTED.name(), headers, new byte[] {0x00, 0x01, 0x02});

            assertThat(value).isNull();
            assertThat(headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)).isNotNull();
        }
    }
}
