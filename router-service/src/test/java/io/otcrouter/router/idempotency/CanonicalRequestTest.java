package io.otcrouter.router.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

    private static final String TRADE = "{\"inputToken\":\"SOL\",\"outputToken\":\"USDC\",\"amount\":\"1000\"}";

    @Test
    void shouldHashTheSameRequestWrittenWithOtherFieldOrderAndWhitespaceTheSame() {
        String reordered = "{ \"amount\": \"1000\",\n  \"outputToken\": \"USDC\", \"inputToken\": \"SOL\" }";

        assertThat(hash(reordered, Map.of())).isEqualTo(hash(TRADE, Map.of())).hasSize(64);
    }

    @Test
    void shouldHashADifferentAmountDifferently() {
        assertThat(hash(TRADE.replace("1000", "1001"), Map.of())).isNotEqualTo(hash(TRADE, Map.of()));
    }

    @Test
    void shouldHashTheQueryAsPartOfTheRequest() {
        assertThat(hash(TRADE, Map.of("wait", new String[] {"settled"}))).isNotEqualTo(hash(TRADE, Map.of()));
    }

    @Test
    void shouldHashABodyThatIsNotJsonAsSent() {
        assertThat(hash("{not json", Map.of())).isEqualTo(hash("{not json", Map.of()))
                .isNotEqualTo(hash("{not  json", Map.of()));
    }

    @Test
    void shouldHashABodyNestedDeeperThanTheParserAllowsAsSent() {
        String deep = "[".repeat(1000) + "]".repeat(1000);

        assertThat(hash(deep, Map.of())).isNotEqualTo(hash(deep + " ", Map.of()));
        assertThat(hash("[[1]]", Map.of())).isEqualTo(hash("[[1]] ", Map.of()));
    }

    @Test
    void shouldHashTheSameTradeForAnotherDashboardUserDifferently() {
        byte[] body = TRADE.getBytes(StandardCharsets.UTF_8);

        assertThat(CanonicalRequest.sha256("POST", "/api/trades", Map.of(), List.of("alice"), body))
                .isNotEqualTo(CanonicalRequest.sha256("POST", "/api/trades", Map.of(), List.of("bob"), body))
                .isNotEqualTo(hash(TRADE, Map.of()))
                .isEqualTo(CanonicalRequest.sha256("POST", "/api/trades", Map.of(), List.of("alice"), body));
    }

    private static String hash(String body, Map<String, String[]> query) {
        return CanonicalRequest.sha256("POST", "/api/trades", query, List.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
