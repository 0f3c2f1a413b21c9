package io.otcrouter.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/**
 * With the one setting {@code OTC_LOG_FORMAT=ecs} the ledger logs one JSON object per line, and a line written while
 * it settles a trade carries the trade's id as the field {@code tradeId} (from the logging context), so a log store
 * can follow one trade without parsing messages.
 */
@LedgerIT
@TestPropertySource(properties = {ApiKeys.CONFIGURED, "OTC_LOG_FORMAT=ecs",
        "logging.level.io.otcrouter.ledger.booking=DEBUG"})
@Import(ConsumedTopics.class)
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useShared(registry);
    }

    @Test
    void shouldLogTheSettlementOfATradeAsJsonWithItsTradeIdAsAField(CapturedOutput output) {
        String tradeId = "trade-" + UUID.randomUUID();
        try (Upstream upstream = new Upstream(broker)) {
            upstream.send(LedgerFixtures.otcDecision(tradeId));
            upstream.send(LedgerFixtures.otcFill(tradeId));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> settlementLine(output, tradeId).isPresent());

        JsonNode line = settlementLine(output, tradeId).orElseThrow();
        assertThat(line.path("tradeId").asString()).isEqualTo(tradeId);
        assertThat(line.path("service").path("name").asString()).isEqualTo("ledger-service");
        assertThat(line.has("@timestamp")).isTrue();
        List<String> aboutTheTrade = output.getOut().lines().filter(text -> text.contains(tradeId)).toList();
        assertThat(aboutTheTrade).isNotEmpty().allSatisfy(text -> assertThat(JSON.readTree(text).isObject()).isTrue());
    }

    private static Optional<JsonNode> settlementLine(CapturedOutput output, String tradeId) {
        return output.getOut().lines().filter(text -> text.startsWith("{") && text.contains(tradeId))
                .map(JSON::readTree)
                .filter(line -> line.path("message").asString().startsWith("Settled trade " + tradeId))
                .findFirst();
    }
}
