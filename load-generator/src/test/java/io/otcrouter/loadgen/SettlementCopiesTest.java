package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SettlementCopiesTest {

    @Test
    void shouldTellTheSameEventSentAgainFromASecondSettlement() {
        EventWatcher.Settlement settlement = new EventWatcher.Settlement(0, "FILLED",
                "{\"eventId\": \"e-1\", \"status\": \"FILLED\"}", new AtomicLong(1), new AtomicLong());

        settlement.seenAgain("{\"eventId\": \"e-1\", \"status\": \"FILLED\"}");
        settlement.seenAgain("{\"eventId\": \"e-1\", \"status\": \"FAILED\"}");

        assertThat(settlement.copies()).hasValue(3);
        assertThat(settlement.different()).hasValue(1);
    }
}
