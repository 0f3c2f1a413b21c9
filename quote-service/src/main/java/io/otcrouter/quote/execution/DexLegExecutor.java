package io.otcrouter.quote.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.quote.dex.DexQuote;
import io.otcrouter.quote.dex.DexQuoteRequest;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.kafka.LoggingContext;

/**
 * Paper-executes the DEX legs of a routing decision: re-quotes each leg at execution time (same mode rules as
 * quoting: Jupiter if the shared budget gives a slot within {@code executionWait} and the quoter's max slot wait,
 * else the pair's fresh depth curve, else in auto mode the simulation) and fills it only if the re-quoted output
 * reaches the leg's minimum.
 * A FILLED leg returns exactly the re-quoted output and carries a paper fill id in its reason; a leg whose
 * re-quote falls short is FAILED with reason {@code SLIPPAGE: ...} and returns nothing; a leg that cannot be
 * quoted at all is FAILED too. Each leg yields one {@link LegExecuted}.
 */
public class DexLegExecutor {

    private static final Logger log = LoggerFactory.getLogger(DexLegExecutor.class);
    private static final MathContext MC = MathContext.DECIMAL128;
    /** Reason prefix of a leg whose re-quote fell below its minimum output. */
    public static final String SLIPPAGE = "SLIPPAGE";
    /**
     * Paper fill ids: "paper-" and a UUID. The hyphens and the 0 are outside base58, so it can never be mistaken
     * for a Solana transaction signature (87-88 base58 characters).
     */
    public static final String PAPER_FILL_PREFIX = "paper-";

    private final DexQuoter quoter;
    private final LegExecutedPublisher publisher;
    private final TokenCatalog tokens;
    private final ExecutedLegs executed;
    private final Clock clock;
    private final Duration executionWait;

    public DexLegExecutor(DexQuoter quoter, LegExecutedPublisher publisher, TokenCatalog tokens, int memory,
            Clock clock, Duration executionWait) {
        this.quoter = quoter;
        this.publisher = publisher;
        this.tokens = tokens;
        this.executed = new ExecutedLegs(memory);
        this.clock = clock;
        this.executionWait = executionWait;
    }

    /**
     * Executes the decision's DEX legs and sends their events; the future completes when the broker has them all.
     * A leg is remembered as executed from the moment its event is sent, so a duplicate of the decision in the
     * same batch is dropped too, and forgotten again if the send fails, so the redelivered decision executes it.
     */
    public CompletableFuture<Void> execute(RouteDecided decision) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (RouteLeg leg : decision.getLegs()) {
            if (leg.getVenue() != Venue.DEX) {
                continue;
            }
            String tradeId = decision.getTradeId();
            String legId = leg.getLegId();
            if (executed.contains(tradeId, legId)) {
                log.info("Leg {} of trade {} already executed, redelivery ignored", legId, tradeId);
                continue;
            }
            executed.add(tradeId, legId);
            LoggingContext context = LoggingContext.capture();
            sends.add(executeLeg(decision, leg)
                    .thenCompose(event -> context.call(() -> publisher.publish(event)))
                    .whenComplete((sent, failure) -> {
                        if (failure != null) {
                            executed.remove(tradeId, legId);
                        }
                    }));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    /** Re-quotes the leg (on the Jupiter lane, at most {@code executionWait}) and decides its outcome. */
    private CompletableFuture<LegExecuted> executeLeg(RouteDecided decision, RouteLeg leg) {
        BigInteger in = EventDecimals.toAtomic(leg.getInAmount());
        BigInteger minOut = EventDecimals.toAtomic(leg.getMinOutAmount());
        Instant deadline = clock.instant().plus(executionWait);
        LoggingContext context = LoggingContext.capture();
        return quoter.quote(new DexQuoteRequest(decision.getInputMint(), decision.getOutputMint(), in,
                decision.getSlippageBps()), deadline, deadline)
                .thenApply(quote -> context.call(() -> outcome(decision, leg, in, minOut, quote)));
    }

    private LegExecuted outcome(RouteDecided decision, RouteLeg leg, BigInteger in, BigInteger minOut,
            DexQuote quote) {
        LegExecuted.Builder event = LegExecuted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setTradeId(decision.getTradeId())
                .setLegId(leg.getLegId())
                .setVenue(Venue.DEX)
                .setPoolId(null)
                .setQuoteId(leg.getQuoteId())
                .setInAmount(EventDecimals.atomic(in))
                .setOutAmount(EventDecimals.atomic(BigInteger.ZERO))
                .setQuoteSource(quote.source())
                .setExecutedAt(now());
        if (!quote.isQuoted()) {
            log.warn("DEX leg {} of trade {} failed: {} {}", leg.getLegId(), decision.getTradeId(), quote.status(),
                    quote.reason());
            return event.setStatus(LegStatus.FAILED)
                    .setReason("no DEX quote at execution (" + quote.status() + "): " + quote.reason())
                    .build();
        }
        if (quote.outAmount().compareTo(minOut) < 0) {
            log.info("DEX leg {} of trade {} failed on slippage: re-quote {} below minimum {}", leg.getLegId(),
                    decision.getTradeId(), quote.outAmount(), minOut);
            return event.setStatus(LegStatus.FAILED)
                    .setReason(SLIPPAGE + ": re-quote " + quote.outAmount() + " below minimum " + minOut
                            + (quote.fromCache() ? " (from the depth curve)" : ""))
                    .build();
        }
        String fillId = PAPER_FILL_PREFIX + UUID.randomUUID();
        return event.setStatus(LegStatus.FILLED).setFillId(fillId)
                .setReason("paper fill " + fillId + (quote.reason() == null ? "" : "; " + quote.reason()))
                .setOutAmount(EventDecimals.atomic(quote.outAmount()))
                .setExecutionPrice(EventDecimals.price(executionPrice(decision, in, quote.outAmount())))
                .build();
    }

    /** Output token units per input token unit, each side at its own decimals. */
    private BigDecimal executionPrice(RouteDecided decision, BigInteger in, BigInteger out) {
        int inDecimals = tokens.byMint(decision.getInputMint()).map(Token::decimals)
                .orElse(decision.getInputDecimals());
        int outDecimals = tokens.byMint(decision.getOutputMint()).map(Token::decimals)
                .orElse(decision.getOutputDecimals());
        return new BigDecimal(out, outDecimals).divide(new BigDecimal(in, inDecimals), MC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
