package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.TokenCatalog;

class RouteSelectorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final TokenCatalog TOKENS = TokenCatalog.defaults();
    private static final BigInteger THOUSAND_SOL = new BigInteger("1000000000000");
    private static final TradeIntent SELL_1000_SOL = new TradeIntent(TOKENS.bySymbol("SOL").orElseThrow(),
            TOKENS.bySymbol("USDC").orElseThrow(), THOUSAND_SOL, 50, "desk-1");

    private final RouteSelector selector = new RouteSelector(RoutingPolicy.DEFAULT);

    @Test
    void shouldSendTheTradeToThePoolWhenItReturnsMoreThanJupiter() {
        var quotes = new VenueQuotes(dex("148000000000", "147260000000"), List.of(pool("sol-usdc-main", "149625000000")));

        Decision decision = selector.decide("t-1", SELL_1000_SOL, quotes, java.util.Optional.empty(), NOW);

        assertThat(decision.route()).isEqualTo(Route.OTC);
        assertThat(decision.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.legId()).isEqualTo("t-1-1");
            assertThat(leg.venue()).isEqualTo(Venue.OTC);
            assertThat(leg.poolId()).isEqualTo("sol-usdc-main");
            assertThat(leg.expectedOut()).isEqualTo(new BigInteger("149625000000"));
            assertThat(leg.minOut()).isEqualTo(new BigInteger("148876875000"));
        });
        assertThat(decision.dexBaseline()).isEqualTo(new BigInteger("148000000000"));
        assertThat(decision.expectedSaving()).isEqualTo(new BigInteger("1625000000"));
        assertThat(decision.reason()).contains("sol-usdc-main").contains("1625 USDC more");
    }

    @Test
    void shouldKeepJupiterWhenItReturnsMoreAndUseItsOwnMinimumOut() {
        var quotes = new VenueQuotes(dex("150000000000", "149250000000"), List.of(pool("sol-usdc-main", "149625000000")));

        Decision decision = selector.decide("t-1", SELL_1000_SOL, quotes, java.util.Optional.empty(), NOW);

        assertThat(decision.route()).isEqualTo(Route.DEX);
        assertThat(decision.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.venue()).isEqualTo(Venue.DEX);
            assertThat(leg.minOut()).isEqualTo(new BigInteger("149250000000"));
        });
        assertThat(decision.expectedSaving()).isZero();
    }

    @Test
    void shouldRouteToThePoolWhenJupiterIsUnavailableAndSayWhy() {
        JupiterQuoted unavailable = JupiterQuoted.newBuilder(dex("1", "1")).setStatus(JupiterQuoteStatus.UNAVAILABLE)
                .setOutAmount(null).setOtherAmountThreshold(null).setReason("HTTP 429").build();

        Decision decision = selector.decide("t-1", SELL_1000_SOL,
                new VenueQuotes(unavailable, List.of(pool("sol-usdc-main", "149625000000"))), java.util.Optional.empty(), NOW);

        assertThat(decision.route()).isEqualTo(Route.OTC);
        assertThat(decision.dexBaseline()).isNull();
        assertThat(decision.candidates()).filteredOn(c -> c.route() == Route.DEX).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("UNAVAILABLE").contains("429"));
    }

    @Test
    void shouldNeverRouteToAnExpiredFirmQuote() {
        PoolQuoted expired = PoolQuoted.newBuilder(pool("sol-usdc-main", "999999000000")).setExpiresAt(NOW).build();

        Decision decision = selector.decide("t-1", SELL_1000_SOL,
                new VenueQuotes(dex("148000000000", "147260000000"), List.of(expired)), java.util.Optional.empty(), NOW);

        assertThat(decision.route()).isEqualTo(Route.DEX);
        assertThat(decision.candidates()).anySatisfy(c -> assertThat(c.reason()).contains("expired"));
    }

    @Test
    void shouldRejectWhenNoVenueCanFill() {
        PoolQuoted noPool = PoolQuoted.newBuilder(pool("x", "1")).setPoolId(null).setQuoteId(null)
                .setStatus(PoolQuoteStatus.NO_POOL).setOutAmount(null).build();

        Decision decision = selector.decide("t-1", SELL_1000_SOL, new VenueQuotes(null, List.of(noPool)), java.util.Optional.empty(), NOW);

        assertThat(decision.route()).isEqualTo(Route.REJECTED);
        assertThat(decision.legs()).isEmpty();
        assertThat(decision.reason()).contains("No venue can fill 1000 SOL/USDC");
        assertThat(decision.candidates()).extracting(Candidate::available).containsOnly(false);
    }

    // --- Silence is not a refusal (issue 16) ----------------------------------------------------------------------

    @Test
    void shouldNotDecideARejectionWhenJupiterDidNotAnswerAtAll() {
        PoolQuoted noPool = PoolQuoted.newBuilder(pool("x", "1")).setPoolId(null).setQuoteId(null)
                .setStatus(PoolQuoteStatus.NO_POOL).setOutAmount(null).build();
        VenueQuotes dexSilent = new VenueQuotes(null, List.of(noPool));

        Decision decision = selector.decide("t-1", SELL_1000_SOL, dexSilent, java.util.Optional.empty(), NOW);

        assertThat(decision.route()).isEqualTo(Route.REJECTED);
        assertThat(Silence.of(decision, dexSilent)).hasValueSatisfying(silence -> {
            assertThat(silence.venues()).containsExactly("Jupiter (quote-service)");
            assertThat(silence.named()).isEqualTo("Jupiter (quote-service)");
        });
    }

    @Test
    void shouldNameThePoolsTooWhenNoVenueAnsweredAtAll() {
        VenueQuotes nobody = new VenueQuotes(null, List.of());

        Decision decision = selector.decide("t-1", SELL_1000_SOL, nobody, java.util.Optional.empty(), NOW);

        assertThat(Silence.of(decision, nobody)).hasValueSatisfying(silence -> assertThat(silence.named())
                .isEqualTo("Jupiter (quote-service) and the OTC pools (otc-pool-service)"));
    }

    @Test
    void shouldKeepTheRejectionWhenJupitersSideAnsweredThatItCannotQuote() {
        JupiterQuoted noRoute = JupiterQuoted.newBuilder(dex("1", "1")).setStatus(JupiterQuoteStatus.NO_ROUTE)
                .setOutAmount(null).setOtherAmountThreshold(null).setReason("no route").build();
        JupiterQuoted unavailable = JupiterQuoted.newBuilder(noRoute).setStatus(JupiterQuoteStatus.UNAVAILABLE)
                .setReason("HTTP 429").build();

        for (JupiterQuoted refusal : List.of(noRoute, unavailable)) {
            VenueQuotes answered = new VenueQuotes(refusal, List.of());
            Decision decision = selector.decide("t-1", SELL_1000_SOL, answered, java.util.Optional.empty(), NOW);

            assertThat(decision.route()).as("%s", refusal.getStatus()).isEqualTo(Route.REJECTED);
            assertThat(Silence.of(decision, answered)).as("%s", refusal.getStatus()).isEmpty();
        }
    }

    @Test
    void shouldKeepTheRejectionWhenJupiterAnsweredOutsideThePriceBand() {
        VenueQuotes outOfBand = new VenueQuotes(dex("128000000000", "127360000000"), List.of());

        Decision decision = selector.decide("t-1", SELL_1000_SOL, outOfBand,
                java.util.Optional.of(ReferenceRate.live(new java.math.BigDecimal("0.15"))), NOW);

        assertThat(decision.route()).isEqualTo(Route.REJECTED);
        assertThat(Silence.of(decision, outOfBand)).isEmpty();
    }

    @Test
    void shouldDecideWithThePoolsWhenOnlyJupiterWasSilent() {
        VenueQuotes dexSilent = new VenueQuotes(null, List.of(pool("sol-usdc-main", "149625000000")));

        Decision decision = selector.decide("t-1", SELL_1000_SOL, dexSilent, java.util.Optional.empty(), NOW);

        assertThat(decision.route()).isEqualTo(Route.OTC);
        assertThat(Silence.of(decision, dexSilent)).isEmpty();
    }

    @Test
    void shouldPreferJupiterOnATie() {
        var quotes = new VenueQuotes(dex("149625000000", "148000000000"), List.of(pool("sol-usdc-main", "149625000000")));

        assertThat(selector.decide("t-1", SELL_1000_SOL, quotes, java.util.Optional.empty(), NOW).route()).isEqualTo(Route.DEX);
    }

    @Test
    void shouldSplitBetweenJupiterAndThePoolWhenThatPaysMoreThanEitherAlone() {
        BigInteger size = new BigInteger("5000000000000");
        TradeIntent sell = new TradeIntent(SELL_1000_SOL.input(), SELL_1000_SOL.output(), size, 50, null);
        JupiterQuoted curved = curvedDex(size);
        PoolQuoted pool = PoolQuoted.newBuilder(pool("sol-usdc-main", "742500000000"))
                .setInAmount(EventDecimals.atomic(size)).build();

        Decision decision = selector.decide("t-9", sell, new VenueQuotes(curved, List.of(pool)),
                java.util.Optional.empty(), NOW);

        assertThat(decision.route()).isEqualTo(Route.SPLIT);
        assertThat(decision.legs()).extracting(Leg::venue).containsExactly(Venue.DEX, Venue.OTC);
        assertThat(decision.legs()).extracting(Leg::legId).containsExactly("t-9-1", "t-9-2");
        assertThat(decision.legs().stream().map(Leg::in).reduce(BigInteger::add)).contains(size);
        assertThat(decision.expectedOut()).isGreaterThan(decision.dexBaseline())
                .isGreaterThan(new BigInteger("742500000000"));
        assertThat(decision.legs()).allSatisfy(leg -> assertThat(leg.minOut())
                .isEqualTo(leg.expectedOut().multiply(BigInteger.valueOf(9950)).divide(BigInteger.valueOf(10000))));
        assertThat(decision.candidates()).extracting(Candidate::label)
                .contains("DEX", "OTC:sol-usdc-main").anyMatch(label -> label.startsWith("SPLIT DEX"));
        assertThat(decision.reason()).startsWith("Split ").contains("to Jupiter").contains("to sol-usdc-main")
                .contains("Jupiter's leg is estimated from its SIMULATED depth curve, not quoted for its size");
    }

    @Test
    void shouldShowEveryCandidatesOutputNetOfEachLegsNetworkFee() {
        BigInteger size = new BigInteger("5000000000000");
        TradeIntent sell = new TradeIntent(SELL_1000_SOL.input(), SELL_1000_SOL.output(), size, 50, null);
        PoolQuoted pool = PoolQuoted.newBuilder(pool("sol-usdc-main", "742500000000"))
                .setInAmount(EventDecimals.atomic(size)).build();
        BigInteger feePerLeg = BigInteger.valueOf(8_250); // 55,000 lamports at $150, in micro-USDC

        Decision decision = selector.decide("t-9", sell, new VenueQuotes(curvedDex(size), List.of(pool)),
                java.util.Optional.empty(), CostModel.FREE.withNetworkFee(feePerLeg), NOW);

        assertThat(decision.networkFeePerLeg()).isEqualTo(feePerLeg);
        assertThat(decision.candidates()).filteredOn(Candidate::available).isNotEmpty().allSatisfy(c -> {
            long legs = c.route() == Route.SPLIT ? 2 : 1;
            assertThat(c.netOut()).as(c.label())
                    .isEqualTo(c.out().subtract(feePerLeg.multiply(BigInteger.valueOf(legs))));
        });
        assertThat(decision.candidates()).filteredOn(c -> !c.available())
                .allSatisfy(c -> assertThat(c.netOut()).isNull());
    }

    @Test
    void shouldNeverDecideWorseThanAllToJupiter() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            BigInteger size = BigInteger.valueOf(1 + random.nextInt(5000)).multiply(BigInteger.TEN.pow(9));
            TradeIntent sell = new TradeIntent(SELL_1000_SOL.input(), SELL_1000_SOL.output(), size, 50, null);
            BigInteger poolOut = new java.math.BigDecimal(size)
                    .multiply(new java.math.BigDecimal("0.14").add(java.math.BigDecimal.valueOf(random.nextInt(1000), 5)))
                    .toBigInteger();
            PoolQuoted pool = PoolQuoted.newBuilder(pool("p", poolOut.toString()))
                    .setInAmount(EventDecimals.atomic(size))
                    .setMinInAmount(EventDecimals.atomic(BigInteger.valueOf(random.nextInt(300)).multiply(BigInteger.TEN.pow(9))))
                    .setMaxInAmount(EventDecimals.atomic(BigInteger.valueOf(100 + random.nextInt(4000)).multiply(BigInteger.TEN.pow(9))))
                    .build();

            Decision decision = selector.decide("t", sell, new VenueQuotes(curvedDex(size), List.of(pool)),
                    java.util.Optional.empty(), NOW);

            assertThat(decision.expectedOut()).as("case %d", i).isGreaterThanOrEqualTo(decision.dexBaseline());
        }
    }

    @Test
    void shouldDiscardAQuoteFarFromTheReferencePriceAndSayWhy() {
        var quotes = new VenueQuotes(dex("148000000000", "147260000000"),
                List.of(pool("too-good", "200000000000")));
        // Reference: 150 USDC per SOL = 0.15 atomic USDC per lamport; the pool claims 200.
        Decision decision = selector.decide("t-1", SELL_1000_SOL, quotes,
                java.util.Optional.of(ReferenceRate.live(new java.math.BigDecimal("0.15"))), NOW);

        assertThat(decision.route()).isEqualTo(Route.DEX);
        assertThat(decision.candidates()).filteredOn(c -> c.label().equals("OTC:too-good")).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("bps from the reference"));
    }

    @Test
    void shouldWidenTheBandAgainstAStaticReferenceAndSaySo() {
        // The STATIC reference says 150 USDC per SOL; the market moved to 130: the pool pays 129.5 (13.7 % off).
        var quotes = new VenueQuotes(dex("128000000000", "127360000000"),
                List.of(pool("desk", "129500000000"), pool("absurd", "300000000000")));
        ReferenceRate offline = new ReferenceRate(new java.math.BigDecimal("0.15"),
                "SOL's reference price is STATIC (offline)");

        Decision decision = selector.decide("t-1", SELL_1000_SOL, quotes, java.util.Optional.of(offline), NOW);

        assertThat(decision.route()).isEqualTo(Route.OTC);
        assertThat(decision.legs()).singleElement().satisfies(leg -> assertThat(leg.poolId()).isEqualTo("desk"));
        assertThat(decision.reason()).contains("SOL's reference price is STATIC (offline): price band widened to 2500 bps");
        assertThat(decision.candidates()).filteredOn(c -> c.label().equals("OTC:absurd")).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("band is 2500 bps (widened: untrusted reference)"));
    }

    @Test
    void shouldApplyTheNormalBandAgainstALiveReference() {
        var quotes = new VenueQuotes(dex("128000000000", "127360000000"), List.of(pool("desk", "129500000000")));

        Decision decision = selector.decide("t-1", SELL_1000_SOL, quotes,
                java.util.Optional.of(ReferenceRate.live(new java.math.BigDecimal("0.15"))), NOW);

        assertThat(decision.route()).isEqualTo(Route.REJECTED);
        assertThat(decision.reason()).doesNotContain("widened");
        assertThat(decision.candidates()).extracting(Candidate::reason).allSatisfy(reason -> assertThat(reason)
                .contains("band is 1000 bps"));
    }

    @Test
    void shouldSayWhenJupitersFigureIsAnEstimateFromItsDepthCurve() {
        JupiterQuoted fromCurve = JupiterQuoted.newBuilder(dex("150000000000", "149250000000"))
                .setSource(QuoteSource.CURVE).setFromCache(true).setCurveAgeMs(1500L).build();

        Decision decision = selector.decide("t-1", SELL_1000_SOL, new VenueQuotes(fromCurve, List.of()),
                java.util.Optional.empty(), NOW);

        assertThat(decision.route()).isEqualTo(Route.DEX);
        assertThat(decision.reason()).contains("estimates from its depth curve observed 1500 ms ago");
    }

    @Test
    void shouldRecordWhatTheOriginalRuleWouldHaveChosen() {
        JupiterQuoted highImpact = JupiterQuoted.newBuilder(dex("148000000000", "147260000000"))
                .setPriceImpactPct(EventDecimals.price(new java.math.BigDecimal("0.012"))).build();
        TradeIntent small = new TradeIntent(SELL_1000_SOL.input(), SELL_1000_SOL.output(),
                new BigInteger("100000000000"), 50, null);

        assertThat(selector.decide("t", SELL_1000_SOL, new VenueQuotes(highImpact, List.of()),
                java.util.Optional.empty(), NOW).originalRule()).isEqualTo(Route.OTC);
        assertThat(selector.decide("t", small, new VenueQuotes(highImpact, List.of()),
                java.util.Optional.empty(), NOW).originalRule()).isEqualTo(Route.DEX);
    }

    /** Jupiter over the constant-product pool of {@link DepthCurveTest}, with its depth curve. */
    private static JupiterQuoted curvedDex(BigInteger size) {
        DepthCurve model = DepthCurveTest.sampledAt(size, 100);
        List<io.otcrouter.events.DepthPoint> points = new java.util.ArrayList<>();
        for (int percent : new int[] {10, 25, 50, 100, 200}) {
            BigInteger in = size.multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100));
            points.add(new io.otcrouter.events.DepthPoint(EventDecimals.atomic(in),
                    EventDecimals.atomic(DepthCurveTest.constantProduct(new java.math.BigDecimal(in)).toBigInteger())));
        }
        BigInteger out = model.outFor(new java.math.BigDecimal(size)).toBigInteger();
        return JupiterQuoted.newBuilder(dex(out.toString(), out.multiply(BigInteger.valueOf(9950))
                .divide(BigInteger.valueOf(10000)).toString()))
                .setInAmount(EventDecimals.atomic(size)).setDepthCurve(points).build();
    }

    private static JupiterQuoted dex(String out, String threshold) {
        return JupiterQuoted.newBuilder().setEventId("e-dex").setOccurredAt(NOW).setRequestId("r-1").setPair("SOL/USDC")
                .setInputMint(SELL_1000_SOL.input().mint()).setOutputMint(SELL_1000_SOL.output().mint())
                .setInAmount(EventDecimals.atomic(THOUSAND_SOL)).setStatus(JupiterQuoteStatus.QUOTED)
                .setSource(QuoteSource.SIMULATED).setOutAmount(EventDecimals.atomic(new BigInteger(out)))
                .setOtherAmountThreshold(EventDecimals.atomic(new BigInteger(threshold))).build();
    }

    private static PoolQuoted pool(String poolId, String out) {
        return PoolQuoted.newBuilder().setEventId("e-" + poolId).setOccurredAt(NOW).setRequestId("r-1")
                .setPair("SOL/USDC").setPoolId(poolId).setQuoteId("q-" + poolId).setStatus(PoolQuoteStatus.QUOTED)
                .setInputMint(SELL_1000_SOL.input().mint()).setOutputMint(SELL_1000_SOL.output().mint())
                .setInAmount(EventDecimals.atomic(THOUSAND_SOL)).setOutAmount(EventDecimals.atomic(new BigInteger(out)))
                .setExpiresAt(NOW.plusSeconds(10)).setPoolsInReply(1).build();
    }
}
