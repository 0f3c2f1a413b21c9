package io.otcrouter.otcpool.execution;

import static io.otcrouter.testsupport.events.TestTokens.JUP;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.kafka.prices.ReferencePrice;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.otcpool.admin.PoolAdmin;
import io.otcrouter.otcpool.quoting.PoolQuoting;
import io.otcrouter.otcpool.support.ApiKeys;
import io.otcrouter.otcpool.support.Events;
import io.otcrouter.otcpool.support.OtcPoolIntegrationTest;
import io.otcrouter.otcpool.support.PoolRows.Fill;
import io.otcrouter.otcpool.support.PoolRows;
import io.otcrouter.otcpool.support.Pools;

/**
 * 100 trades race for one pool that can pay about ten of them, on 16 threads, against the real PostgreSQL: the
 * pool never commits more than its inventory, never goes negative, and every firm quote it gave is honoured.
 */
class ConcurrentTradesIT extends OtcPoolIntegrationTest {

    private static final int TRADES = 100;
    private static final int THREADS = 16;
    /** 10,000 JUP and 10,000 USDC at $1 each: balanced, pays ten trades of 1,000 JUP (997.5 USDC each). */
    private static final String INVENTORY_UNITS = "10000";
    private static final BigInteger TRADE_JUP = Pools.atomic(JUP, "1000");

    @Autowired
    private PoolAdmin admin;
    @Autowired
    private PoolQuoting quoting;
    @Autowired
    private PoolExecution execution;
    @Autowired
    private ReferencePrices prices;
    @Autowired
    private JdbcTemplate jdbc;

    private PoolRows rows;
    private String poolId;

    @BeforeEach
    void createThinPool() {
        rows = new PoolRows(jdbc);
        prices.update(JUP.mint(), ReferencePrice.live(BigDecimal.ONE, Instant.now()));
        prices.update(USDC.mint(), ReferencePrice.live(BigDecimal.ONE, Instant.now()));
        poolId = Pools.newId(JUP, USDC);
        admin.create(Pools.pool(poolId, JUP, USDC, INVENTORY_UNITS, INVENTORY_UNITS, "10", "5000", 60_000),
                ApiKeys.ADMIN_ID);
    }

    @Test
    void shouldNeverPromiseOrCommitMoreThanTheInventoryWhenOneHundredFirmTradesRaceForOnePool() throws Exception {
        List<Optional<PoolQuoted>> quoted = race(() -> {
            QuoteRequested request = Events.quoteRequest(JUP, USDC, "1000");
            PoolQuoted quote = quoting.quotesFor(request).stream().filter(q -> poolId.equals(q.getPoolId()))
                    .findFirst().orElseThrow();
            if (quote.getStatus() != PoolQuoteStatus.QUOTED) {
                assertThat(quote.getReason()).contains("Insufficient USDC inventory");
                return Optional.empty();
            }
            // The last quote may be for less than asked (what the inventory still pays): the leg is what it quoted.
            BigInteger out = EventDecimals.toAtomic(quote.getOutAmount());
            execution.execute(Events.otcDecision(JUP, USDC, poolId, quote.getQuoteId(),
                    EventDecimals.toAtomic(quote.getInAmount()), out));
            return Optional.of(quote);
        });
        long firmQuotes = quoted.stream().filter(Optional::isPresent).count();

        List<Fill> fills = awaitCompleted(firmQuotes);
        assertThat(fills).allSatisfy(fill -> {
            assertThat(fill.status()).isEqualTo("FILLED"); // every firm quote is honoured
            assertThat(fill.reserved()).isTrue();
        });
        assertThat(firmQuotes).isBetween(1L, 12L);
        assertInventoryAccountsForEveryFillAndNothingMore(fills);
    }

    @Test
    void shouldNeverCommitMoreThanTheInventoryWhenOneHundredUnreservedLegsRaceForOnePool() throws Exception {
        race(() -> {
            // An unknown quote id: no reservation, every leg is priced now and races on the conditional update.
            execution.execute(Events.otcDecision(JUP, USDC, poolId, UUID.randomUUID().toString(), TRADE_JUP,
                    Pools.atomic(USDC, "900")));
            return Optional.empty();
        });

        List<Fill> fills = awaitCompleted(TRADES);
        List<Fill> filled = fills.stream().filter(f -> f.status().equals("FILLED")).toList();
        assertThat(filled).hasSizeBetween(1, 11);
        assertThat(fills).filteredOn(f -> f.status().equals("REJECTED"))
                .hasSize(TRADES - filled.size())
                .allSatisfy(f -> assertThat(f.reason()).contains("Insufficient USDC inventory"));
        assertInventoryAccountsForEveryFillAndNothingMore(fills);
    }

    private void assertInventoryAccountsForEveryFillAndNothingMore(List<Fill> fills) {
        BigInteger initial = Pools.atomic(USDC, INVENTORY_UNITS);
        List<Fill> filled = fills.stream().filter(f -> f.status().equals("FILLED")).toList();
        BigInteger paidOut = filled.stream().map(Fill::out).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger takenIn = filled.stream().map(Fill::in).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger[] after = rows.inventory(poolId);

        assertThat(paidOut).isLessThanOrEqualTo(initial);
        assertThat(after[1]).isEqualTo(initial.subtract(paidOut)).isNotNegative();
        assertThat(after[0]).isEqualTo(Pools.atomic(JUP, INVENTORY_UNITS).add(takenIn));
        // Whatever is left is less than one more trade would need: the pool did not refuse liquidity it had.
        assertThat(after[1]).isLessThan(Pools.atomic(USDC, "997.5"));
        assertThat(after[2]).isZero();
        assertThat(after[3]).isZero();
    }

    private List<Fill> awaitCompleted(long expected) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> rows.fills(poolId),
                fills -> fills.size() == expected && fills.stream().noneMatch(f -> f.status().equals("PENDING")));
    }

    private static <T> List<T> race(Callable<T> trade) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> results = IntStream.range(0, TRADES).mapToObj(i -> threads.submit(() -> {
                start.await();
                return trade.call();
            })).toList();
            start.countDown();
            List<T> done = new java.util.ArrayList<>();
            for (Future<T> result : results) {
                done.add(result.get());
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }
}
