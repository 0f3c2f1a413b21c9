package io.otcrouter.otcpool.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.testsupport.events.TestTokens;

class PoolMetricsTest {

    private static final String POOL = "sol-usdc-main";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PoolMetrics metrics = new PoolMetrics(registry);

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void shouldCountANoPoolAnswerUnderPoolNone() {
        PoolQuoted noPool = PoolQuoted.newBuilder(poolQuote()).setPoolId(null).setStatus(PoolQuoteStatus.NO_POOL)
                .build();

        metrics.quoted(noPool);

        assertThat(registry.get(PoolMetrics.QUOTES).tag("pool", PoolMetrics.NO_POOL).tag("status", "NO_POOL")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldCountALegOnlyWhenItsTransactionCommits() {
        TransactionSynchronizationManager.initSynchronization();

        metrics.legCompleted(POOL, "FILLED");

        assertThat(fills(POOL)).isZero();
        List<TransactionSynchronization> registered = TransactionSynchronizationManager.getSynchronizations();
        registered.forEach(TransactionSynchronization::afterCommit);
        assertThat(fills(POOL)).isEqualTo(1.0);
    }

    @Test
    void shouldCountALegOfAnUnknownPoolUnderPoolUnknown() {
        metrics.legCompleted(null, "REJECTED");

        assertThat(registry.get(PoolMetrics.FILLS).tag("pool", PoolMetrics.UNKNOWN_POOL).tag("status", "REJECTED")
                .counter().count()).isEqualTo(1.0);
    }

    private double fills(String pool) {
        return registry.get(PoolMetrics.FILLS).tag("pool", pool).tag("status", "FILLED").counter().count();
    }

    private static PoolQuoted poolQuote() {
        return PoolQuoted.newBuilder()
                .setEventId("event-1")
                .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setRequestId("request-1")
                .setPair("USDC/USDT")
                .setInputMint(TestTokens.USDC.mint())
                .setOutputMint(TestTokens.USDT.mint())
                .setInAmount(EventDecimals.atomic(BigInteger.TEN))
                .setPoolsInReply(1)
                .setStatus(PoolQuoteStatus.QUOTED)
                .setPoolId(POOL)
                .build();
    }
}
