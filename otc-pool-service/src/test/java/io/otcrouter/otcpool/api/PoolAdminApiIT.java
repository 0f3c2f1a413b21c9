package io.otcrouter.otcpool.api;

import static io.otcrouter.testsupport.events.TestTokens.JUP;
import static io.otcrouter.testsupport.events.TestTokens.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.PoolStateChanged;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.otcpool.quoting.PoolQuoting;
import io.otcrouter.otcpool.support.ApiKeys;
import io.otcrouter.otcpool.support.Events;
import io.otcrouter.otcpool.support.OtcPoolIntegrationTest;
import io.otcrouter.otcpool.support.Pools;
import io.otcrouter.testsupport.kafka.TopicReader;

/**
 * The admin API validates everything, changes nothing on bad input, and announces every change it makes, logging
 * which admin key made it. Its access rules and hostile input are {@link SecurityIT}'s subject.
 */
@ExtendWith(OutputCaptureExtension.class)
class PoolAdminApiIT extends OtcPoolIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;
    @Autowired
    private PoolQuoting quoting;
    @Autowired
    private ReferencePrices prices;

    private RestClient http;
    private TopicReader<byte[]> collector;

    @BeforeEach
    void client() {
        http = RestClient.create("http://localhost:" + port);
        collector = TopicReader.bytes(brokers, List.of(Topics.POOLS_CHANGED.name()));
        prices.update(JUP.mint(), ReferencePrice.live(BigDecimal.ONE, Instant.now()));
        prices.update(USDT.mint(), ReferencePrice.live(BigDecimal.ONE, Instant.now()));
    }

    @AfterEach
    void closeCollector() {
        collector.close();
    }

    @Test
    void shouldCreateAPoolWithSizeTiersAndAnnounceIt() {
        Map<String, Object> body = validPool(Pools.newId(JUP, USDT));

        Reply created = send("POST", "/api/pools", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).containsEntry("pair", "JUP/USDT").containsEntry("baseInventory", "100000")
                .containsEntry("status", "ACTIVE").containsEntry("reservedQuoteInventory", "0");
        PoolStateChanged state = awaitState(body.get("id"), "CREATED");
        assertThat(state.getSizeTiers()).hasSize(2);
        assertThat(state.getSizeTiers().get(1).getAddBps()).isEqualTo(10);
        assertThat(state.getQuoteInventory().toBigIntegerExact()).isEqualTo(Pools.atomic(USDT, "100000"));
    }

    static Stream<Arguments> badPools() {
        return Stream.of(
                Arguments.of("negative inventory", "baseInventory", "-1", "baseInventory must not be negative"),
                Arguments.of("min above max", "minTradeBase", "60000", "minTradeBase must not exceed maxTradeBase"),
                Arguments.of("unknown token", "quoteSymbol", "DOGE", "unknown token 'DOGE'"),
                Arguments.of("same token twice", "quoteSymbol", "JUP", "must differ"),
                Arguments.of("spread out of range", "spreadBps", 5000, "spreadBps must be between 0 and 1000"),
                Arguments.of("too many decimals", "quoteInventory", "1.0000001", "USDT has 6 decimals"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPools")
    void shouldRefuseABadPoolWithProblemJsonAndCreateNothing(String why, String field, Object value,
            String error) {
        Map<String, Object> body = validPool(Pools.newId(JUP, USDT));
        body.put(field, value);

        Reply refused = send("POST", "/api/pools", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.body().get("errors")).asString().contains(error);
        assertThat(send("GET", "/api/pools/" + body.get("id"), null).status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseBadTermsAndAnOverdrawnInventoryAndChangeNothing() {
        String id = created();
        Map<String, Object> before = send("GET", "/api/pools/" + id, null).body();

        Reply badSpread = send("PUT", "/api/pools/" + id, Map.of("spreadBps", -1));
        Reply badLimits = send("PUT", "/api/pools/" + id, Map.of("minTradeBase", "900", "maxTradeBase", "800"));
        Reply overdrawn = send("POST", "/api/pools/" + id + "/inventory", Map.of("quoteDelta", "-100000.000001"));

        assertThat(badSpread.status()).isEqualTo(400);
        assertThat(badLimits.status()).isEqualTo(400);
        assertThat(badLimits.body().get("errors")).asString().contains("minTradeBase must not exceed maxTradeBase");
        assertThat(overdrawn.status()).isEqualTo(409);
        assertThat(overdrawn.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(send("GET", "/api/pools/" + id, null).body()).isEqualTo(before);
    }

    @Test
    void shouldUpdateTermsAdjustInventoryAndAnnounceEachChange() {
        String id = created();

        Reply updated = send("PUT", "/api/pools/" + id, Map.of("spreadBps", 40, "quoteTtlMs", 5000));
        Reply deposited = send("POST", "/api/pools/" + id + "/inventory", Map.of("quoteDelta", "2500.5",
                "baseDelta", "-1000"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body()).containsEntry("spreadBps", 40).containsEntry("quoteTtlMs", 5000)
                .containsEntry("minTradeBase", "10");
        assertThat(deposited.body()).containsEntry("quoteInventory", "102500.5")
                .containsEntry("baseInventory", "99000");
        assertThat(awaitState(id, "UPDATED").getSpreadBps()).isEqualTo(40);
        assertThat(awaitState(id, "INVENTORY_ADJUSTED").getQuoteInventory().toBigIntegerExact())
                .isEqualTo(Pools.atomic(USDT, "102500.5"));
    }

    @Test
    void shouldStopQuotingWhenDeactivatedAndQuoteAgainWhenActivated() {
        String id = created();

        Reply deactivated = send("POST", "/api/pools/" + id + "/deactivate", null);
        boolean quotedWhileInactive = quotes(id);
        Reply activated = send("POST", "/api/pools/" + id + "/activate", null);

        assertThat(deactivated.body()).containsEntry("status", "INACTIVE");
        assertThat(quotedWhileInactive).isFalse();
        assertThat(activated.body()).containsEntry("status", "ACTIVE");
        assertThat(quotes(id)).isTrue();
        assertThat(awaitState(id, "DEACTIVATED").getActive()).isFalse();
        assertThat(awaitState(id, "ACTIVATED").getActive()).isTrue();
    }

    @Test
    void shouldLogWhichAdminKeyChangedAPoolButNeverTheKey(CapturedOutput output) {
        String id = created();

        send("POST", "/api/pools/" + id + "/inventory", Map.of("baseDelta", "1"));

        assertThat(output.getOut()).contains("Pool " + id + " created by admin key " + ApiKeys.ADMIN_ID,
                "Pool " + id + " inventory_adjusted by admin key " + ApiKeys.ADMIN_ID).doesNotContain(ApiKeys.ADMIN);
    }

    private boolean quotes(String poolId) {
        return quoting.quotesFor(Events.indicativeRequest(JUP, USDT, "100")).stream()
                .map(PoolQuoted::getPoolId).anyMatch(poolId::equals);
    }

    private String created() {
        Map<String, Object> body = validPool(Pools.newId(JUP, USDT));
        assertThat(send("POST", "/api/pools", body).status()).isEqualTo(201);
        return (String) body.get("id");
    }

    private static Map<String, Object> validPool(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("baseSymbol", "JUP");
        body.put("quoteSymbol", "USDT");
        body.put("baseInventory", "100000");
        body.put("quoteInventory", "100000");
        body.put("spreadBps", 30);
        body.put("sizeTiers", List.of(Map.of("minTradeBase", "0", "addBps", 0),
                Map.of("minTradeBase", "20000", "addBps", 10)));
        body.put("priceOffsetBps", 0);
        body.put("minTradeBase", "10");
        body.put("maxTradeBase", "50000");
        body.put("quoteTtlMs", 10000);
        body.put("execDelayMinMs", 0);
        body.put("execDelayMaxMs", 0);
        return body;
    }

    private PoolStateChanged awaitState(Object poolId, String change) {
        return await().atMost(WAIT).until(() -> collector.events(Topics.POOLS_CHANGED.name(), PoolStateChanged.class,
                s -> s.getPoolId().equals(poolId) && s.getChange().equals(change)), found -> !found.isEmpty()).get(0);
    }

    @SuppressWarnings("unchecked")
    private Reply send(String method, String path, Object body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header(ApiKeys.HEADER, ApiKeys.ADMIN);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Reply(res.getStatusCode().value(),
                res.getHeaders().getContentType(), res.bodyTo(Map.class)));
    }

    private record Reply(int status, MediaType contentType, Map<String, Object> body) {
    }
}
