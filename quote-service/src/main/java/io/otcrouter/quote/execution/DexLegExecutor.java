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
 * quoting: Jupiter if the shared budget gives a slot within {@code executionWait} and the quoter's max slot wait and
 * Jupiter answers within {@code executionWait}, else the pair's fresh depth curve, else in auto mode the simulation)
 * and fills it only if the re-quoted output reaches the leg's minimum.
 * A FILLED leg returns exactly the re-quoted output and carries a paper fill id in its reason; a leg whose
 * re-quote falls short is FAILED with reason {@code SLIPPAGE: ...} and returns nothing; a leg that cannot be
 * quoted at all is FAILED too. Each leg yields one {@link LegExecuted}; publishing them is the caller's (it does so
 * in the Kafka transaction that consumes the decision, see {@code RouteDecidedListener}).
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
    private final TokenCatalog tokens;
    private final Clock clock;
    private final Duration executionWait;

    public DexLegExecutor(DexQuoter quoter, TokenCatalog tokens, Clock clock, Duration executionWait) {
        this.quoter = quoter;
        this.tokens = tokens;
        this.clock = clock;
        this.executionWait = executionWait;
    }

    /**
     * Re-quotes the decision's DEX legs, all at once, and returns at once; the future completes with one event per
     * DEX leg, in the decision's order, when the last re-quote is in (at most {@code executionWait}). Throws
     * {@link IllegalArgumentException} for a decision whose legs can never be executed (a non-positive amount).
     */
    public CompletableFuture<List<LegExecuted>> execute(RouteDecided decision) {
        List<CompletableFuture<LegExecuted>> legs = new ArrayList<>();
        for (RouteLeg leg : decision.getLegs()) {
            if (leg.getVenue() == Venue.DEX) {
                legs.add(executeLeg(decision, leg));
            }
        }
        return CompletableFuture.allOf(legs.toArray(CompletableFuture[]::new))
                .thenApply(all -> legs.stream().map(CompletableFuture::join).toList());
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
