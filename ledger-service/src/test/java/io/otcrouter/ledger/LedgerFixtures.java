package io.otcrouter.ledger;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.serde.ReleasedSchemas;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.testsupport.events.LegExecutedMother;
import io.otcrouter.testsupport.events.RouteDecidedMother;

/**
 * The ledger's scenarios: 1,000 SOL sold for USDC through one OTC pool, or split with Jupiter, at named, realistic
 * amounts. The events themselves come from test-support's Object Mothers.
 */
public final class LedgerFixtures {


    /** 1,000 SOL in lamports. */
    public static final BigInteger THOUSAND_SOL = SOL.toAtomic(new BigDecimal("1000"));
    /** 149,625 USDC in micro-USDC: what the pool pays for 1,000 SOL. */
    public static final BigInteger OTC_OUT = USDC.toAtomic(new BigDecimal("149625"));
    /** 149,000 USDC: what Jupiter alone would have paid. */
    public static final BigInteger DEX_BASELINE = USDC.toAtomic(new BigDecimal("149000"));
    public static final BigDecimal SOL_PRICE_USD = new BigDecimal("150");
    public static final BigDecimal USDC_PRICE_USD = BigDecimal.ONE;
    public static final String POOL_ID = "sol-usdc-main";
    /** Who submits the fixtures' trades, as the router records it (RouteDecided v3). */
    public static final String SUBMITTED_BY = "api-key:test-desk";

    private LedgerFixtures() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static RouteDecided otcDecision(String tradeId) {
        return otcDecision(tradeId, SOL, USDC, THOUSAND_SOL, OTC_OUT, DEX_BASELINE, now());
    }

    /** One OTC leg for the full size; prices at the catalog's static prices (null when it has none). */
    public static RouteDecided otcDecision(String tradeId, Token input, Token output, BigInteger amountIn,
            BigInteger expectedOut, BigInteger dexBaseline, Instant decidedAt) {
        return decision(tradeId, input, output, dexBaseline, decidedAt,
                List.of(routeLeg(otcLegId(tradeId), Venue.OTC, tradeId, amountIn, expectedOut)));
    }

    /** 1,000 SOL split: 400 to Jupiter, 600 to the pool. */
    public static RouteDecided splitDecision(String tradeId, Instant decidedAt) {
        return decision(tradeId, SOL, USDC, DEX_BASELINE, decidedAt,
                List.of(routeLeg(dexLegId(tradeId), Venue.DEX, tradeId, SPLIT_DEX_IN, SPLIT_DEX_OUT),
                        routeLeg(otcLegId(tradeId), Venue.OTC, tradeId, SPLIT_OTC_IN, SPLIT_OTC_OUT)));
    }

    public static LegExecuted splitDexFill(String tradeId, Instant executedAt) {
        return fill(tradeId, dexLegId(tradeId), Venue.DEX, SPLIT_DEX_IN, SPLIT_DEX_OUT, SOL, USDC, executedAt);
    }

    public static LegExecuted splitOtcFill(String tradeId, Instant executedAt) {
        return fill(tradeId, otcLegId(tradeId), Venue.OTC, SPLIT_OTC_IN, SPLIT_OTC_OUT, SOL, USDC, executedAt);
    }

    /** 400 SOL → 59,700 USDC on Jupiter; 600 SOL → 89,775 USDC in the pool. */
    public static final BigInteger SPLIT_DEX_IN = SOL.toAtomic(new BigDecimal("400"));
    public static final BigInteger SPLIT_DEX_OUT = USDC.toAtomic(new BigDecimal("59700"));
    public static final BigInteger SPLIT_OTC_IN = SOL.toAtomic(new BigDecimal("600"));
    public static final BigInteger SPLIT_OTC_OUT = USDC.toAtomic(new BigDecimal("89775"));

    private static RouteLeg routeLeg(String legId, Venue venue, String tradeId, BigInteger in, BigInteger out) {
        return RouteDecidedMother.leg(legId, venue, venue == Venue.OTC ? POOL_ID : null, "quote-" + legId, in, out,
                out.multiply(BigInteger.valueOf(995)).divide(BigInteger.valueOf(1000)));
    }

    /** Size, route and expected output follow from the legs. */
    private static RouteDecided decision(String tradeId, Token input, Token output, BigInteger dexBaseline,
            Instant decidedAt, List<RouteLeg> legs) {
        RouteDecided.Builder decision = RouteDecidedMother.routeDecided(tradeId, input, output, legs)
                .setOccurredAt(decidedAt)
                .setRequestId("request-" + tradeId)
                .setClientOrderId("client-" + tradeId)
                .setJupiterPriceImpactPct(EventDecimals.price(new BigDecimal("0.0042")))
                .setInputPriceUsd(priceOf(input))
                .setOutputPriceUsd(priceOf(output))
                .setReason("OTC pays more than Jupiter for the full size")
                .setSubmittedBy(SUBMITTED_BY);
        if (dexBaseline != null) {
            BigInteger expectedOut = EventDecimals.toAtomic(decision.getExpectedOutAmount());
            decision.setDexBaselineOutAmount(EventDecimals.atomic(dexBaseline))
                    .setExpectedSavingOutAmount(EventDecimals.atomic(expectedOut.subtract(dexBaseline)));
        }
        return decision.build();
    }

    /**
     * The decision as a router before RouteDecided v3 wrote it: single-object encoded with the released v2 schema,
     * which has no submittedBy. Read back into v2 through Avro's schema resolution, so every other field is kept.
     */
    public static byte[] writtenWithSchemaV2(RouteDecided decision) {
        Schema v2 = ReleasedSchemas.versionsOf(RouteDecided.class).get(1);
        BinaryMessageDecoder<GenericRecord> asV2 = new BinaryMessageDecoder<>(GenericData.get(), v2);
        asV2.addSchema(ReleasedSchemas.currentOf(RouteDecided.class));
        try {
            ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v2)
                    .encode(asV2.decode(decision.toByteBuffer()));
            byte[] written = new byte[bytes.remaining()];
            bytes.get(written);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal priceOf(Token token) {
        return token.staticPriceUsd() == null ? null : EventDecimals.price(token.staticPriceUsd());
    }

    public static LegExecuted otcFill(String tradeId) {
        return otcFill(tradeId, SOL, USDC, THOUSAND_SOL, OTC_OUT, now());
    }

    public static LegExecuted otcFill(String tradeId, Token input, Token output, BigInteger in, BigInteger out,
            Instant executedAt) {
        return fill(tradeId, otcLegId(tradeId), Venue.OTC, in, out, input, output, executedAt);
    }

    private static LegExecuted fill(String tradeId, String legId, Venue venue, BigInteger in, BigInteger out,
            Token input, Token output, Instant executedAt) {
        return LegExecutedMother.filled(tradeId, routeLeg(legId, venue, tradeId, in, out), out, executedAt)
                .setExecutionPrice(EventDecimals.price(output.toUnits(out).divide(input.toUnits(in),
                        MathContext.DECIMAL128)))
                .build();
    }

    public static String dexLegId(String tradeId) {
        return tradeId + "-dex";
    }

    public static String otcLegId(String tradeId) {
        return tradeId + "-otc";
    }
}
