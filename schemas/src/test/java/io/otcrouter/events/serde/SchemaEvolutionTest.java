package io.otcrouter.events.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolQuoteTier;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.SampleEvents;
import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.events.catalog.Topic;
import io.otcrouter.events.catalog.Topics;

/**
 * The build gate of the contract: this test fails the build when a schema change cannot read a released
 * version, or when a changed schema was not released as a new version.
 */
class SchemaEvolutionTest {

    static List<Topic<?>> everyTopic() {
        return Topics.ALL;
    }

    @ParameterizedTest
    @MethodSource("everyTopic")
    void shouldReadEveryReleasedVersionWithTheCurrentSchema(Topic<?> topic) {
        Schema current = ReleasedSchemas.currentOf(topic.valueType());
        List<Schema> released = ReleasedSchemas.versionsOf(topic.valueType());

        assertThat(released).as("released versions of %s", topic.valueType().getSimpleName()).isNotEmpty();
        assertThat(SchemaEvolution.incompatibilities(current, released)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("everyTopic")
    void shouldHaveReleasedTheCurrentSchemaAsTheLatestVersion(Topic<?> topic) {
        Schema current = ReleasedSchemas.currentOf(topic.valueType());
        List<Schema> released = ReleasedSchemas.versionsOf(topic.valueType());

        assertThat(released.get(released.size() - 1))
                .as("%s changed: add it as %s", topic.valueType().getSimpleName(),
                        ReleasedSchemas.resourcePath(topic.valueType(), released.size() + 1))
                .isEqualTo(current);
    }

    @Test
    void shouldRejectAChangeThatCannotReadTheReleasedVersion() throws IOException {
        Schema incompatible = parse("evolution/PriceUpdated-incompatible.avsc");

        List<String> problems =
                SchemaEvolution.incompatibilities(incompatible, ReleasedSchemas.versionsOf(PriceUpdated.class));

        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem).contains("venueRank"));
    }

    @Test
    void shouldDecodeARecordWrittenWithAnOlderSchemaIntoTheCurrentClass() throws IOException {
        Schema older = parse("evolution/PriceUpdated-older.avsc");
        GenericRecord written = olderPriceUpdated(older);
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(written);
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);

        var decoded = (PriceUpdated) new AvroEventDeserializer(List.of(older)).deserialize("any", array);

        assertThat(decoded.getSymbol()).isEqualTo("SOL");
        assertThat(decoded.getPriceUsd()).isEqualByComparingTo("150.5");
        assertThat(decoded.getSource()).isEqualTo(PriceSource.KRAKEN);
        assertThat(decoded.getChange24hPct()).as("field added later takes its default").isNull();
    }

    @Test
    void shouldNotDecodeARecordFromAnUnreleasedSchemaWithoutBeingTold() throws IOException {
        Schema older = parse("evolution/PriceUpdated-older.avsc");
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older)
                .encode(olderPriceUpdated(older));
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AvroEventDeserializer().deserialize("t", array))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    }

    @Test
    void shouldReadASettlementWrittenBeforeRevisionsAsTheFirstRevision() throws IOException {
        Schema v1 = ReleasedSchemas.versionsOf(TradeSettled.class).get(0);
        TradeSettled current = SampleEvents.tradeSettled();
        byte[] currentBody = new AvroEventSerializer().serialize("any", current);
        BinaryMessageDecoder<GenericRecord> readAsV1 = new BinaryMessageDecoder<>(GenericData.get(), v1);
        readAsV1.addSchema(TradeSettled.getClassSchema());
        GenericRecord asWrittenByV1 = readAsV1.decode(currentBody);
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(asWrittenByV1);
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);

        var decoded = (TradeSettled) new AvroEventDeserializer().deserialize("any", array);

        assertThat(decoded.getRevision()).isEqualTo(1);
        assertThat(decoded.getSupersedes()).isNull();
        assertThat(decoded.getOutAmount()).isEqualByComparingTo(current.getOutAmount());
    }

    @Test
    void shouldReadAPoolQuoteWrittenBeforeTierSchedulesAsPricedFlat() throws IOException {
        Schema v2 = ReleasedSchemas.versionsOf(PoolQuoted.class).get(1);
        PoolQuoted current = PoolQuoted.newBuilder(SampleEvents.poolQuoted())
                .setTiers(List.of(tier(1, 500, 75_100))).build();
        BinaryMessageDecoder<GenericRecord> readAsV2 = new BinaryMessageDecoder<>(GenericData.get(), v2);
        readAsV2.addSchema(PoolQuoted.getClassSchema());
        GenericRecord asWrittenByV2 = readAsV2.decode(new AvroEventSerializer().serialize("any", current));
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v2).encode(asWrittenByV2);
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);

        var decoded = (PoolQuoted) new AvroEventDeserializer().deserialize("any", array);

        assertThat(decoded.getTiers()).as("a v2 writer published no tier schedule").isNull();
        assertThat(decoded.getOutAmount()).isEqualByComparingTo(current.getOutAmount());
    }

    @Test
    void shouldCarryAPoolQuotesTierSchedule() {
        PoolQuoted quote = PoolQuoted.newBuilder(SampleEvents.poolQuoted())
                .setTiers(List.of(tier(1, 499, 74_950), tier(500, 1_000, 149_625))).build();

        var decoded = (PoolQuoted) new AvroEventDeserializer().deserialize("any",
                new AvroEventSerializer().serialize("any", quote));

        assertThat(decoded.getTiers()).hasSize(2);
        assertThat(decoded.getTiers().get(1).getMinInAmount()).isEqualByComparingTo("500");
        assertThat(decoded.getTiers().get(1).getOutAmount()).isEqualByComparingTo("149625");
    }

    private static PoolQuoteTier tier(long minIn, long in, long out) {
        return PoolQuoteTier.newBuilder().setMinInAmount(EventDecimals.atomic(java.math.BigInteger.valueOf(minIn)))
                .setInAmount(EventDecimals.atomic(java.math.BigInteger.valueOf(in)))
                .setOutAmount(EventDecimals.atomic(java.math.BigInteger.valueOf(out))).setSpreadBps(25).build();
    }

    @Test
    void shouldCarryTheSupersededFiguresOfACorrection() {
        TradeSettled correction = TradeSettled.newBuilder(SampleEvents.tradeSettled()).setRevision(2)
                .setSupersedes(SettlementFigures.newBuilder().setRevision(1).setStatus(TradeStatus.PARTIALLY_FILLED)
                        .setFilledInAmount(EventDecimals.atomic(java.math.BigInteger.valueOf(400)))
                        .setOutAmount(EventDecimals.atomic(java.math.BigInteger.valueOf(60)))
                        .setSettledAt(SampleEvents.AT).build())
                .build();

        byte[] bytes = new AvroEventSerializer().serialize("any", correction);
        var decoded = (TradeSettled) new AvroEventDeserializer().deserialize("any", bytes);

        assertThat(decoded.getRevision()).isEqualTo(2);
        assertThat(decoded.getSupersedes().getStatus()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
        assertThat(decoded.getSupersedes().getFilledInAmount()).isEqualByComparingTo("400");
        assertThat(decoded.getSupersedes().getSavingUsd()).isNull();
    }

    private static GenericRecord olderPriceUpdated(Schema older) {
        Schema priceSchema = older.getField("priceUsd").schema();
        ByteBuffer price = new Conversions.DecimalConversion().toBytes(new BigDecimal("150.500000000000"), priceSchema,
                LogicalTypes.decimal(38, 12));
        GenericRecord record = new GenericData.Record(older);
        record.put("eventId", "e-old");
        record.put("occurredAt", SampleEvents.AT.toEpochMilli());
        record.put("symbol", "SOL");
        record.put("mint", SampleEvents.SOL_MINT);
        record.put("priceUsd", price);
        record.put("source", new GenericData.EnumSymbol(older.getField("source").schema(), "KRAKEN"));
        record.put("observedAt", SampleEvents.AT.toEpochMilli());
        record.put("stale", false);
        return record;
    }

    private static Schema parse(String resource) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
