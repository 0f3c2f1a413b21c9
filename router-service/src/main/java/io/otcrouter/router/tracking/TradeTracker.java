package io.otcrouter.router.tracking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.router.tracking.TrackedTradeRepository.TrackedLeg;
import io.otcrouter.router.tracking.TrackedTradeRepository.TrackedTrade;
import io.otcrouter.router.tracking.TradeView.ExecutionView;
import io.otcrouter.router.tracking.TradeView.SettlementView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows each trade from its decision to its settlement, in the router's database so that any instance can
 * answer for any trade, also after a restart. The settlement is consumed by one instance of the group; an
 * instance waiting for it reads the database, woken early when it consumed the settlement itself.
 */
@Component
public class TradeTracker {

    private static final Logger log = LoggerFactory.getLogger(TradeTracker.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final TrackedTradeRepository repository;
    private final JsonMapper json;
    private final TokenCatalog tokens = TokenCatalog.defaults();
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    TradeTracker(TrackedTradeRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /**
     * Stores the decision about to be published, with the id of the API key that submitted it; call
     * {@link #published} once the broker has it, {@link #notPublished} if it provably never left.
     *
     * @param view     the decision's {@link #view}, as answered to the client
     * @return false, storing nothing, when a decision for this trade id is stored already
     */
    public boolean decided(RouteDecided decision, TradeView view, String apiKeyId) {
        return repository.saveDecision(decision.getTradeId(), json.writeValueAsString(view),
                decision.getOccurredAt(), apiKeyId);
    }

    public void published(String tradeId, Instant at) {
        repository.markPublished(tradeId, at);
    }

    /** Forgets a decision that never reached the broker, so that the trade can be decided again under its id. */
    public void notPublished(String tradeId) {
        repository.deleteUnpublished(tradeId);
    }

    public Publication publication(String tradeId) {
        return repository.publication(tradeId).orElse(Publication.NOTHING_STORED);
    }

    /** The summary answered to the client at decision time, as stored. */
    public TradeView view(RouteDecided decision) {
        return TradeView.of(decision, token(decision.getInputMint()), token(decision.getOutputMint()));
    }

    /**
     * Stores a settlement, or a correction of it (a later revision); a copy, or a revision older than the one stored,
     * changes nothing. A waiter wakes at the first settlement: {@code ?wait=settled} answers it, and a later read shows
     * the correction.
     */
    void settled(TradeSettled settled) {
        if (repository.settle(settled)) {
            if (settled.getRevision() > 1) {
                log.info("Trade {} settlement corrected to {} (revision {})", settled.getTradeId(),
                        settled.getStatus(), settled.getRevision());
            } else {
                log.info("Trade {} settled {}", settled.getTradeId(), settled.getStatus());
            }
        }
        wake(settled.getTradeId());
    }

    void legExecuted(LegExecuted leg) {
        repository.saveLeg(leg);
    }

    public Optional<TradeView> find(String tradeId) {
        return repository.find(tradeId).filter(trade -> trade.summary() != null).map(this::view);
    }

    /** The trade if the API key {@code apiKeyId} submitted it; any other trade is as if it did not exist. */
    public Optional<TradeView> findSubmittedWith(String tradeId, String apiKeyId) {
        return repository.find(tradeId)
                .filter(trade -> trade.summary() != null && apiKeyId.equals(trade.apiKeyId())).map(this::view);
    }

    /**
     * Waits, at most {@code timeout}, for the trade's settlement; returns the trade as it stands then
     * (SETTLED, or still DECIDED when the ledger was slower).
     */
    public Optional<TradeView> awaitSettled(String tradeId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Void> signal = waiting.computeIfAbsent(tradeId, id -> new CompletableFuture<>());
        try {
            while (true) {
                Optional<TradeView> trade = find(tradeId);
                long left = deadline - System.nanoTime();
                if (trade.isEmpty() || trade.get().settled() || left <= 0) {
                    return trade;
                }
                awaitSignal(signal, Math.min(left, POLL.toNanos()));
            }
        } finally {
            waiting.remove(tradeId, signal);
        }
    }

    private static void awaitSignal(CompletableFuture<Void> signal, long nanos) throws InterruptedException {
        try {
            signal.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException pollAgain) {
            // Another instance may have consumed the settlement: the next read of the database tells.
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void wake(String tradeId) {
        CompletableFuture<Void> signal = waiting.get(tradeId);
        if (signal != null) {
            signal.complete(null);
        }
    }

    private TradeView view(TrackedTrade trade) {
        TradeView decided = json.readValue(trade.summary(), TradeView.class);
        Token input = tokens.bySymbol(decided.inputToken()).orElseThrow();
        Token output = tokens.bySymbol(decided.outputToken()).orElseThrow();
        SettlementView settlement = trade.settledAt() == null ? null : new SettlementView(trade.settlementStatus(),
                units(input, trade.filledInAmount()), units(output, trade.outAmount()),
                units(output, trade.savingOutAmount()),
                trade.executionPrice() == null ? null : trade.executionPrice().stripTrailingZeros().toPlainString(),
                trade.settledAt(), trade.settlementRevision());
        List<ExecutionView> executions = repository.legs(trade.tradeId()).stream()
                .map(leg -> execution(leg, input, output)).toList();
        return decided.withProgress(trade.status(), settlement, executions);
    }

    private static ExecutionView execution(TrackedLeg leg, Token input, Token output) {
        return new ExecutionView(leg.legId(), leg.venue(), leg.poolId(), leg.status(), leg.reason(),
                units(input, leg.inAmount()), units(output, leg.outAmount()), leg.executedAt());
    }

    private static String units(Token token, BigDecimal atomic) {
        return atomic == null ? null : TradeView.units(token, atomic.toBigIntegerExact());
    }

    private Token token(String mint) {
        return tokens.byMint(mint).orElseThrow(() -> new IllegalStateException("Unknown mint " + mint));
    }
}
