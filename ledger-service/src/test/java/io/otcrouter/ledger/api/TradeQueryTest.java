package io.otcrouter.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.otcrouter.events.Route;
import io.otcrouter.ledger.booking.TradeState;

class TradeQueryTest {

    @Test
    void shouldReadEveryFilterSpelledAsDocumented() {
        TradeQuery query = TradeQuery.parse(Map.of("page", new String[] {"3"}, "size", new String[] {"200"},
                "route", new String[] {"SPLIT"}, "pair", new String[] {"SOL/USDC"}, "status",
                new String[] {"PARTIALLY_FILLED"}, "from", new String[] {"2024-05-01T00:00:00Z"}, "to",
                new String[] {"2024-05-02T00:00:00Z"}, "submittedBy", new String[] {"dashboard-user:ada.l@desk-1"},
                "clientOrderId", new String[] {"desk-42.A_1"}));

        assertThat(query.page()).isEqualTo(3);
        assertThat(query.size()).isEqualTo(200);
        assertThat(query.filter()).isEqualTo(new TradeFilter(Route.SPLIT, "SOL/USDC", TradeState.PARTIALLY_FILLED,
                Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"),
                "dashboard-user:ada.l@desk-1", "desk-42.A_1"));
    }

    @Test
    void shouldDefaultToTheFirstPageOfFiftyWithoutFilters() {
        TradeQuery query = TradeQuery.parse(Map.of());

        assertThat(query).isEqualTo(new TradeQuery(new TradeFilter(null, null, null, null, null, null, null), 0, 50));
    }

    /** Values with spaces or control characters are quoted: CSV would trim them. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "page|1E+99999999", "page|-1", "page|1.5", "page|99999999999999999999", "page|' 1'", "page|0x10",
            "page|10001", "page|''", "size|0", "size|201", "size|1e2", "size|+5",
            "route|otc", "route|' OTC'", "route|'OTC '", "route|TELEPORT", "route|'OTC\u0000'",
            "status|filled", "status|SETTLED",
            "pair|SOL", "pair|SOL/USDC/USDT", "pair|SOL /USDC", "pair|'SOL/USDC\u0000'", "pair|SOL\u200b/USDC",
            "from|yesterday", "from|1E+99999999", "from|2024-05-01", "from|+100000-01-01T00:00:00Z",
            "from|1969-12-31T23:59:59Z", "to|2024-05-01T00:00:00",
            "submittedBy|bob", "submittedBy|api-key:", "submittedBy|api-key:-x", "submittedBy|dashboard-user:a b",
            "submittedBy|'api-key:desk\u0000'", "clientOrderId|''", "clientOrderId|desk 42",
            "clientOrderId|=HYPERLINK(x)", "clientOrderId|'desk-42\u0000'"})
    void shouldRefuseABadValueNamingItsParameterWithoutEvaluatingIt(String parameter, String value) {
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> TradeQuery.parse(Map.of(parameter, new String[] {value}))))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.getMessage()).startsWith(parameter + " ").doesNotContain("\u0000");
                });
    }

    @Test
    void shouldRefuseAValueLongerThanAnyFilterNeeds() {
        assertThatThrownBy(() -> TradeQuery.parse(Map.of("pair", new String[] {"S".repeat(10_000) + "/USDC"})))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("pair is longer than 128 characters"));
    }

    @Test
    void shouldRefuseAnUnknownParameterRatherThanIgnoreIt() {
        assertThatThrownBy(() -> TradeQuery.parse(Map.of("Route", new String[] {"OTC"})))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("Route");
                    assertThat(e.getMessage()).startsWith("Route is not a parameter of this query");
                });
    }

    @Test
    void shouldRefuseARepeatedParameterRatherThanPickOneValue() {
        assertThatThrownBy(() -> TradeQuery.parse(Map.of("route", new String[] {"OTC", "DEX"})))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("route is given 2 times, at most once"));
    }

    @Test
    void shouldRefuseATimeRangeThatEndsBeforeItStarts() {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("from", new String[] {"2024-05-02T00:00:00Z"});
        parameters.put("to", new String[] {"2024-05-01T00:00:00Z"});

        assertThatThrownBy(() -> TradeQuery.parse(parameters))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("from"));
    }
}
