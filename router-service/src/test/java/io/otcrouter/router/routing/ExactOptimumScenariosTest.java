package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.DepthPoint;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoteTier;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/**
 * Scenarios whose best possible output the test computes on its own: Jupiter as a constant-product pool, pools priced
 * by size tier between their limits (flat ones too), the price band, the cost model, both directions. The independent
 * optimum ({@link Scenario#optimum()}) puts every pool but one at a tier's end (or where a cheaper tier reaches the
 * quote's own output) and lets the last one meet Jupiter's marginal price in closed form ({@code x = sqrt(a·b / p) −
 * b} for {@code out(x) = a·x / (b + x)}); it shares no code with the router's enumeration and bisection. Every
 * decision must reach it to one atomic unit of output, and every OTC leg's expected output must be what the pool pays
 * for it under its quote's tiers.
 */
class ExactOptimumScenariosTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final TokenCatalog TOKENS = TokenCatalog.defaults();
    private static final Token SOL = TOKENS.bySymbol("SOL").orElseThrow();
    private static final Token USDC = TOKENS.bySymbol("USDC").orElseThrow();
    private static final BigDecimal SOL_USD = new BigDecimal("150");
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);
    private static final int BAND_BPS = 1_000;

    /** 20,000 SOL against 3,000,000 USDC with a 30 bps fee: shallow for trades of thousands of SOL. */
    private static final Amm SHALLOW_SELLING_SOL = Amm.of(sol("20000"), usdc("3000000"), "0.997");
    private static final Amm SHALLOW_BUYING_SOL = Amm.of(usdc("3000000"), sol("20000"), "0.997");

    @Test
    void shouldGiveAShallowDexTheLegItCanTakeWithinTheBandInsteadOfRejecting() {
        // 3,000 SOL: Jupiter's quote for all of it is 13 % below the reference; the only pool takes 2,500 SOL at most.
        Scenario scenario = new Scenario(SOL, USDC, sol("3000"), SHALLOW_SELLING_SOL,
                List.of(Pool.flat("desk", usdPerSol("149"), sol("10"), sol("2500"))), CostModel.FREE, true);

        Decision decision = scenario.decide();

        assertThat(decision.route()).isEqualTo(Route.SPLIT);
        assertThat(decision.legs()).extracting(Leg::venue, Leg::in).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Venue.DEX, sol("500")),
                org.assertj.core.groups.Tuple.tuple(Venue.OTC, sol("2500")));
        assertThat(USDC.toUnits(decision.expectedOut())).isBetween(new BigDecimal("445000"), new BigDecimal("446000"));
        assertThat(decision.candidates()).filteredOn(c -> c.label().equals("DEX")).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("bps from the reference").contains("within it"));
        assertThat(decision.reason()).contains("all to Jupiter is outside the price band");
        scenario.assertOptimal(decision);
    }

    @Test
    void shouldSplitAcrossTwoPoolsWithoutTheDexWhenThatPaysMost() {
        // 1.5M USDC for SOL: Jupiter is far out of the band for the whole size and dearer than both pools for any
        // leg; pool "a" is cheaper but takes 1M USDC at most, "b" could take it all.
        Scenario scenario = new Scenario(USDC, SOL, usdc("1500000"), SHALLOW_BUYING_SOL, List.of(
                Pool.flat("a", solPerUsd("150.2"), usdc("1000"),
                        usdc("1000000")),
                Pool.flat("b", solPerUsd("150.4"), usdc("1000"),
                        usdc("2000000"))), CostModel.FREE, true);

        Decision decision = scenario.decide();

        assertThat(decision.route()).isEqualTo(Route.SPLIT);
        assertThat(decision.legs()).extracting(Leg::venue).containsOnly(Venue.OTC);
        assertThat(decision.legs()).extracting(Leg::poolId, Leg::in).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", usdc("1000000")),
                org.assertj.core.groups.Tuple.tuple("b", usdc("500000")));
        scenario.assertOptimal(decision);
    }

    @Test
    void shouldSplitAcrossThreePoolsAndTheDexAtTheirMarginalPrices() {
        Amm deep = Amm.of(sol("200000"), usdc("30000000"), "0.997");
        Scenario scenario = new Scenario(SOL, USDC, sol("9000"), deep, List.of(
                Pool.flat("p1", usdPerSol("149.6"), sol("100"), sol("1500")),
                Pool.flat("p2", usdPerSol("149.2"), sol("500"), sol("2500")),
                Pool.flat("p3", usdPerSol("148.8"), sol("2000"), sol("4000"))),
                new CostModel(0, 5, usdc("0.5")), true);

        Decision decision = scenario.decide();

        assertThat(decision.route()).isEqualTo(Route.SPLIT);
        assertThat(decision.legs()).hasSizeGreaterThanOrEqualTo(3);
        scenario.assertOptimal(decision);
    }

    @Test
    void shouldKeepAPoolJustBelowADearerTierWhenJupiterTakesTheRestForMore() {
        // 149.4 USDC per SOL below 2,500 SOL, 149.25 on all of a leg from 2,500: the pool's quote for 3,000 SOL is at
        // 149.25. Jupiter taking 500 SOL returns more than the pool's 0.15 USDC per SOL on 2,500 SOL.
        Amm deep = Amm.of(sol("200000"), usdc("30000000"), "0.997");
        Scenario scenario = new Scenario(SOL, USDC, sol("3000"), deep, List.of(Pool.tiered("desk", usdPerSol("149.4"),
                sol("10"), sol("5000"), sol("2500"), usdPerSol("149.25"))), CostModel.FREE, true);

        Decision decision = scenario.decide();

        assertThat(decision.route()).isEqualTo(Route.SPLIT);
        assertThat(decision.legs()).extracting(Leg::venue, Leg::in).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Venue.DEX, sol("500").add(BigInteger.ONE)),
                org.assertj.core.groups.Tuple.tuple(Venue.OTC, sol("2500").subtract(BigInteger.ONE)));
        assertThat(decision.legs().get(1).expectedOut()).as("the cheaper tier's price, not the quote's")
                .isEqualTo(usdPerSol("149.4").multiply(new BigDecimal(sol("2500").subtract(BigInteger.ONE)))
                        .setScale(0, RoundingMode.DOWN).toBigIntegerExact());
        scenario.assertOptimal(decision);
    }

    @Test
    void shouldSplitAcrossTieredPoolsWithoutTheDexBuyingSol() {
        // 1.5M USDC for SOL, Jupiter out of the band: "a" is cheapest below 600k USDC and dearest above; "b" and "c"
        // are flat in between.
        Scenario scenario = new Scenario(USDC, SOL, usdc("1500000"), SHALLOW_BUYING_SOL, List.of(
                Pool.tiered("a", solPerUsd("150.1"), usdc("1000"), usdc("1500000"), usdc("600000"),
                        solPerUsd("150.6")),
                Pool.flat("b", solPerUsd("150.3"), usdc("1000"), usdc("700000")),
                Pool.flat("c", solPerUsd("150.4"), usdc("1000"), usdc("2000000"))), CostModel.FREE, true);

        Decision decision = scenario.decide();

        assertThat(decision.route()).isEqualTo(Route.SPLIT);
        assertThat(decision.legs()).extracting(Leg::venue).containsOnly(Venue.OTC);
        assertThat(decision.legs()).extracting(Leg::poolId, Leg::in).contains(
                org.assertj.core.groups.Tuple.tuple("a", usdc("600000").subtract(BigInteger.ONE)),
                org.assertj.core.groups.Tuple.tuple("b", usdc("700000")));
        scenario.assertOptimal(decision);
    }

    @Test
    void shouldReachTheIndependentOptimumWithTieredPoolsInBothDirections() {
        Random random = new Random(1818);
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (int i = 0; i < 150; i++) {
            boolean sellSol = random.nextBoolean();
            BigDecimal depthSol = BigDecimal.valueOf(2_000 + random.nextInt(400_000));
            BigDecimal midUsd = SOL_USD.multiply(BigDecimal.valueOf(9_800 + random.nextInt(400)))
                    .divide(BPS, DepthCurve.MATH);
            Amm amm = sellSol
                    ? Amm.of(sol(depthSol.toPlainString()), usdc(depthSol.multiply(midUsd).toPlainString()), "0.997")
                    : Amm.of(usdc(depthSol.multiply(midUsd).toPlainString()), sol(depthSol.toPlainString()), "0.997");
            BigDecimal sizeSol = BigDecimal.valueOf(1 + random.nextInt(20_000));
            BigInteger amount = sellSol ? sol(sizeSol.toPlainString())
                    : usdc(sizeSol.multiply(SOL_USD).toPlainString());
            List<Pool> pools = new ArrayList<>();
            for (int p = 1 + random.nextInt(3); p > 0; p--) {
                pools.add(randomTieredPool(random, "p" + p, sellSol, sizeSol));
            }
            CostModel costs = random.nextBoolean() ? CostModel.FREE
                    : new CostModel(random.nextInt(10), random.nextInt(10),
                            BigInteger.valueOf(random.nextInt(sellSol ? 2_000_000 : 10_000_000)));
            Scenario scenario = new Scenario(sellSol ? SOL : USDC, sellSol ? USDC : SOL, amount, amm, pools, costs,
                    random.nextBoolean());

            Decision decision = scenario.decide();

            scenario.assertOptimal(decision);
            boolean dexUsed = decision.legs().stream().anyMatch(leg -> leg.venue() == Venue.DEX);
            kinds.merge(decision.route() + (decision.route() == Route.SPLIT && !dexUsed ? " without DEX" : ""), 1,
                    Integer::sum);
        }
        assertThat(kinds.keySet()).contains("DEX", "OTC", "SPLIT", "SPLIT without DEX");
    }

    /**
     * A pool within ±2 % of the reference with up to three size tiers, each adding 0 to 30 bps to the base spread
     * (not necessarily more for a larger trade), thresholds within the trade's size so that they matter.
     */
    private static Pool randomTieredPool(Random random, String id, boolean sellSol, BigDecimal sizeSol) {
        BigDecimal usdPerSol = SOL_USD.multiply(BigDecimal.valueOf(9_800 + random.nextInt(400)))
                .divide(BPS, DepthCurve.MATH);
        BigDecimal minSol = BigDecimal.valueOf(random.nextInt(300));
        BigDecimal maxSol = minSol.add(BigDecimal.valueOf(1 + random.nextInt(15_000)));
        NavigableMap<BigInteger, BigDecimal> tiers = new TreeMap<>();
        tiers.put(BigInteger.ZERO, rate(sellSol, usdPerSol));
        for (int t = random.nextInt(3); t > 0; t--) {
            BigDecimal fromSol = sizeSol.multiply(BigDecimal.valueOf(1 + random.nextInt(99)))
                    .divide(BigDecimal.valueOf(100), 3, RoundingMode.DOWN);
            BigDecimal dearer = usdPerSol.multiply(BPS.subtract(BigDecimal.valueOf(random.nextInt(31))))
                    .divide(BPS, DepthCurve.MATH);
            tiers.put(sellSol ? sol(fromSol.toPlainString()) : usdc(fromSol.multiply(SOL_USD).toPlainString()),
                    rate(sellSol, dearer));
        }
        return sellSol ? new Pool(id, sol(minSol.toPlainString()), sol(maxSol.toPlainString()), tiers)
                : new Pool(id, usdc(minSol.multiply(SOL_USD).toPlainString()),
                        usdc(maxSol.multiply(SOL_USD).toPlainString()), tiers);
    }

    private static BigDecimal rate(boolean sellSol, BigDecimal usdPerSol) {
        return sellSol ? usdPerSol(usdPerSol.toPlainString()) : solPerUsd(usdPerSol.toPlainString());
    }

    @Test
    void shouldReachTheIndependentOptimumInRandomScenariosInBothDirections() {
        Random random = new Random(18);
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (int i = 0; i < 300; i++) {
            boolean sellSol = random.nextBoolean();
            BigDecimal depthSol = BigDecimal.valueOf(2_000 + random.nextInt(400_000));
            BigDecimal midUsd = SOL_USD.multiply(BigDecimal.valueOf(9_800 + random.nextInt(400)))
                    .divide(BPS, DepthCurve.MATH);
            Amm amm = sellSol
                    ? Amm.of(sol(depthSol.toPlainString()), usdc(depthSol.multiply(midUsd).toPlainString()), "0.997")
                    : Amm.of(usdc(depthSol.multiply(midUsd).toPlainString()), sol(depthSol.toPlainString()), "0.997");
            BigDecimal sizeSol = BigDecimal.valueOf(1 + random.nextInt(20_000));
            BigInteger amount = sellSol ? sol(sizeSol.toPlainString())
                    : usdc(sizeSol.multiply(SOL_USD).toPlainString());
            List<Pool> pools = new ArrayList<>();
            int poolCount = random.nextInt(4);
            for (int p = 0; p < poolCount; p++) {
                // Within ±2 % of the reference: some beat Jupiter's marginal price, some do not.
                BigDecimal usdPerSol = SOL_USD.multiply(BigDecimal.valueOf(9_800 + random.nextInt(400)))
                        .divide(BPS, DepthCurve.MATH);
                BigDecimal minSol = BigDecimal.valueOf(random.nextInt(500));
                BigDecimal maxSol = minSol.add(BigDecimal.valueOf(1 + random.nextInt(15_000)));
                pools.add(sellSol
                        ? Pool.flat("p" + p, usdPerSol(usdPerSol.toPlainString()), sol(minSol.toPlainString()),
                                sol(maxSol.toPlainString()))
                        : Pool.flat("p" + p, solPerUsd(usdPerSol.toPlainString()),
                                usdc(minSol.multiply(SOL_USD).toPlainString()),
                                usdc(maxSol.multiply(SOL_USD).toPlainString())));
            }
            CostModel costs = random.nextBoolean() ? CostModel.FREE
                    : new CostModel(random.nextInt(10), random.nextInt(10),
                            BigInteger.valueOf(random.nextInt(sellSol ? 2_000_000 : 10_000_000)));
            Scenario scenario = new Scenario(sellSol ? SOL : USDC, sellSol ? USDC : SOL, amount, amm, pools, costs,
                    random.nextBoolean());

            Decision decision = scenario.decide();

            scenario.assertOptimal(decision);
            boolean dexUsed = decision.legs().stream().anyMatch(leg -> leg.venue() == Venue.DEX);
            kinds.merge(decision.route() + (decision.route() == Route.SPLIT && !dexUsed ? " without DEX" : ""), 1,
                    Integer::sum);
        }
        // The cases cover every kind of decision, pool-only splits included.
        assertThat(kinds.keySet()).contains("DEX", "OTC", "SPLIT", "SPLIT without DEX", "REJECTED");
    }

    /** A SOL→USDC pool's rate in atomic units for a price in USDC per SOL. */
    private static BigDecimal usdPerSol(String price) {
        return new BigDecimal(price).movePointLeft(SOL.decimals() - USDC.decimals());
    }

    /** A USDC→SOL pool's rate in atomic units for a price in USDC per SOL. */
    private static BigDecimal solPerUsd(String price) {
        return BigDecimal.ONE.divide(new BigDecimal(price), DepthCurve.MATH).movePointRight(SOL.decimals() - USDC.decimals());
    }

    private static BigInteger sol(String units) {
        return SOL.toAtomic(new BigDecimal(units).setScale(SOL.decimals(), RoundingMode.DOWN));
    }

    private static BigInteger usdc(String units) {
        return USDC.toAtomic(new BigDecimal(units).setScale(USDC.decimals(), RoundingMode.DOWN));
    }

    /** {@code out(x) = a·x / (b + x)} in atomic units: a constant-product pool with its fee folded into b. */
    record Amm(BigDecimal a, BigDecimal b) {

        static Amm of(BigInteger reserveIn, BigInteger reserveOut, String feeFactor) {
            return new Amm(new BigDecimal(reserveOut),
                    new BigDecimal(reserveIn).divide(new BigDecimal(feeFactor), DepthCurve.MATH));
        }

        BigDecimal out(BigDecimal x) {
            return a.multiply(x, DepthCurve.MATH).divide(b.add(x), DepthCurve.MATH);
        }

        /** Where the marginal rate {@code a·b / (b + x)²} equals {@code rate}. */
        BigDecimal sizeAtMarginal(BigDecimal rate) {
            return a.multiply(b, DepthCurve.MATH).divide(rate, DepthCurve.MATH).sqrt(DepthCurve.MATH).subtract(b);
        }

        /** Largest size whose average rate {@code a / (b + x)} is at least {@code rate}. */
        BigDecimal sizeAtAverage(BigDecimal rate) {
            return a.divide(rate, DepthCurve.MATH).subtract(b);
        }
    }

    /**
     * A pool paying, for legs of minIn to maxIn, the rate of the size tier the leg reaches (output atomic units per
     * input atomic unit, on all of the leg); {@code tiers} maps each tier's smallest leg to its rate, from zero.
     */
    record Pool(String id, BigInteger minIn, BigInteger maxIn, NavigableMap<BigInteger, BigDecimal> tiers) {

        static Pool flat(String id, BigDecimal rate, BigInteger minIn, BigInteger maxIn) {
            return new Pool(id, minIn, maxIn, new TreeMap<>(Map.of(BigInteger.ZERO, rate)));
        }

        /** A pool whose legs from {@code from} on pay {@code rateFrom}, smaller ones {@code rate}. */
        static Pool tiered(String id, BigDecimal rate, BigInteger minIn, BigInteger maxIn, BigInteger from,
                BigDecimal rateFrom) {
            return new Pool(id, minIn, maxIn, new TreeMap<>(Map.of(BigInteger.ZERO, rate, from, rateFrom)));
        }

        BigInteger out(BigInteger in) {
            return tiers.floorEntry(in).getValue().multiply(new BigDecimal(in)).setScale(0, RoundingMode.DOWN)
                    .toBigIntegerExact();
        }
    }

    /** A published tier: legs from {@code minIn} pay {@code out} per {@code in}; {@code in} is its largest leg. */
    private record QuotedTier(BigInteger minIn, BigInteger in, BigInteger out) {

        BigDecimal rate() {
            return new BigDecimal(out).divide(new BigDecimal(in), DepthCurve.MATH);
        }
    }

    private record Scenario(Token input, Token output, BigInteger amount, Amm amm, List<Pool> pools,
            CostModel costs, boolean withReference) {

        BigDecimal referenceRate() {
            BigDecimal usdPerInput = input == SOL ? SOL_USD : BigDecimal.ONE;
            BigDecimal usdPerOutput = output == SOL ? SOL_USD : BigDecimal.ONE;
            return usdPerInput.divide(usdPerOutput, DepthCurve.MATH)
                    .movePointRight(output.decimals() - input.decimals());
        }

        Decision decide() {
            RouteSelector selector = new RouteSelector(new RoutingPolicy(costs, BigInteger.ZERO, BAND_BPS, 2_500));
            TradeIntent intent = new TradeIntent(input, output, amount, 50, null);
            List<PoolQuoted> quotes = pools.stream().map(this::quote).toList();
            Optional<ReferenceRate> reference = withReference ? Optional.of(ReferenceRate.live(referenceRate()))
                    : Optional.empty();
            return selector.decide("t", intent, new VenueQuotes(jupiter(), quotes), reference, NOW);
        }

        /** Jupiter's quote for the whole size and its depth curve, as quote-service sends them. */
        private JupiterQuoted jupiter() {
            List<DepthPoint> points = new ArrayList<>();
            for (int percent : new int[] {10, 25, 50, 100, 200}) {
                BigInteger in = amount.multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100));
                points.add(new DepthPoint(EventDecimals.atomic(in), EventDecimals.atomic(quotedOut(in))));
            }
            BigInteger out = quotedOut(amount);
            return JupiterQuoted.newBuilder().setEventId("e-dex").setOccurredAt(NOW).setRequestId("r").setPair("p")
                    .setInputMint(input.mint()).setOutputMint(output.mint())
                    .setInAmount(EventDecimals.atomic(amount)).setStatus(JupiterQuoteStatus.QUOTED)
                    .setSource(QuoteSource.SIMULATED).setOutAmount(EventDecimals.atomic(out))
                    .setOtherAmountThreshold(EventDecimals.atomic(out.multiply(BigInteger.valueOf(9_950))
                            .divide(BigInteger.valueOf(10_000))))
                    .setDepthCurve(points).build();
        }

        private BigInteger quotedOut(BigInteger in) {
            return amm.out(new BigDecimal(in)).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        }

        /**
         * As otc-pool-service answers: a firm quote for the trade's size, or for its maximum when smaller, with the
         * schedule of the tiers below the quoted size (PoolQuoted v3) when there are any.
         */
        private PoolQuoted quote(Pool pool) {
            PoolQuoted.Builder quote = PoolQuoted.newBuilder().setEventId("e-" + pool.id()).setOccurredAt(NOW)
                    .setRequestId("r").setPair("p").setPoolId(pool.id()).setInputMint(input.mint())
                    .setOutputMint(output.mint()).setPoolsInReply(pools.size())
                    .setMinInAmount(EventDecimals.atomic(pool.minIn()))
                    .setMaxInAmount(EventDecimals.atomic(pool.maxIn()));
            if (amount.compareTo(pool.minIn()) < 0) {
                return quote.setInAmount(EventDecimals.atomic(amount)).setStatus(PoolQuoteStatus.REFUSED)
                        .setReason("Below the pool minimum").build();
            }
            BigInteger in = amount.min(pool.maxIn());
            List<QuotedTier> tiers = quotedTiers(pool);
            if (tiers.size() > 1) {
                quote.setTiers(tiers.stream().map(t -> PoolQuoteTier.newBuilder()
                        .setMinInAmount(EventDecimals.atomic(t.minIn())).setInAmount(EventDecimals.atomic(t.in()))
                        .setOutAmount(EventDecimals.atomic(t.out())).setSpreadBps(0).build()).toList());
            }
            return quote.setInAmount(EventDecimals.atomic(in)).setStatus(PoolQuoteStatus.QUOTED)
                    .setQuoteId("q-" + pool.id()).setOutAmount(EventDecimals.atomic(pool.out(in)))
                    .setExpiresAt(NOW.plusSeconds(5)).setFirm(true).build();
        }

        /** The tiers a quote covers, from the pool's minimum to the quoted size; each priced at its largest leg. */
        private List<QuotedTier> quotedTiers(Pool pool) {
            BigInteger quoted = amount.min(pool.maxIn());
            List<QuotedTier> tiers = new ArrayList<>();
            for (BigInteger from : pool.tiers().keySet()) {
                BigInteger next = pool.tiers().higherKey(from);
                BigInteger lo = from.max(pool.minIn());
                BigInteger hi = next == null ? quoted : next.subtract(BigInteger.ONE).min(quoted);
                if (lo.compareTo(hi) <= 0) {
                    tiers.add(new QuotedTier(lo, hi, pool.out(hi)));
                }
            }
            return tiers;
        }

        /** What a leg of {@code in} to the pool pays under its quote: its tier's price, at most the quote's out. */
        private BigDecimal legOut(Pool pool, BigInteger in) {
            BigDecimal quotedOut = new BigDecimal(pool.out(amount.min(pool.maxIn())));
            QuotedTier tier = quotedTiers(pool).stream().filter(t -> t.minIn().compareTo(in) <= 0)
                    .reduce((a, b) -> b).orElseThrow();
            return tier.rate().multiply(new BigDecimal(in), DepthCurve.MATH).min(quotedOut);
        }

        private boolean inBand(BigDecimal rate) {
            if (!withReference) {
                return true;
            }
            BigDecimal deviation = rate.divide(referenceRate(), DepthCurve.MATH).subtract(BigDecimal.ONE).abs()
                    .multiply(BPS);
            return deviation.compareTo(BigDecimal.valueOf(BAND_BPS)) <= 0;
        }

        private BigDecimal net(BigDecimal gross, int feeBps) {
            if (gross.signum() == 0) {
                return BigDecimal.ZERO;
            }
            return gross.multiply(BPS.subtract(BigDecimal.valueOf(feeBps)), DepthCurve.MATH).divide(BPS, DepthCurve.MATH)
                    .subtract(new BigDecimal(costs.networkFeePerLegOut()));
        }

        /**
         * The best output after costs any decision could reach. Within a tier a pool's output is linear up to the
         * quote's own output and flat beyond, so (shifting input between two pools inside their tiers never loses)
         * some optimum has every pool but one at an end of a tier or at that kink; the one left, with Jupiter,
         * meets Jupiter's marginal rate in closed form ({@code x = sqrt(a·b / p) − b}). This enumerates those points
         * pool by pool — no code shared with the router's enumeration of tier pieces and bisection.
         */
        BigDecimal optimum() {
            BigDecimal best = null;
            BigInteger fullDex = quotedOut(amount);
            if (inBand(new BigDecimal(fullDex).divide(new BigDecimal(amount), DepthCurve.MATH))) {
                best = net(new BigDecimal(fullDex), costs.dexFeeBps());
            }
            List<Pool> usable = pools.stream().filter(p -> amount.compareTo(p.minIn()) >= 0).toList();
            BigInteger dexLo = BigInteger.ONE;
            BigInteger dexHi = amount;
            if (withReference) {
                BigDecimal width = BigDecimal.valueOf(BAND_BPS).divide(BPS);
                BigDecimal floorSize = amm.sizeAtAverage(referenceRate().multiply(BigDecimal.ONE.subtract(width)));
                BigDecimal ceilingSize = amm.sizeAtAverage(referenceRate().multiply(BigDecimal.ONE.add(width)));
                dexHi = dexHi.min(floorSize.setScale(0, RoundingMode.FLOOR).toBigIntegerExact());
                dexLo = dexLo.max(ceilingSize.setScale(0, RoundingMode.CEILING).toBigIntegerExact());
            }
            Search search = new Search(usable, dexLo, dexHi);
            search.from(0, BigInteger.ZERO, BigDecimal.ZERO, null, false);
            return best == null || (search.best != null && search.best.compareTo(best) > 0) ? search.best : best;
        }

        /** The tiers of a pool a leg may use: within the band, each as [lo, hi] with its rate. */
        private List<QuotedTier> usableTiers(Pool pool) {
            return quotedTiers(pool).stream().filter(t -> inBand(t.rate())).toList();
        }

        /** Pool by pool: left out, at one of its tier points, or (one pool at most) left free to meet Jupiter. */
        private final class Search {

            private final List<Pool> usable;
            private final BigInteger dexLo;
            private final BigInteger dexHi;
            BigDecimal best;

            Search(List<Pool> usable, BigInteger dexLo, BigInteger dexHi) {
                this.usable = usable;
                this.dexLo = dexLo;
                this.dexHi = dexHi;
            }

            void from(int index, BigInteger fixedIn, BigDecimal fixedValue, Pool free, boolean anyPool) {
                if (fixedIn.compareTo(amount) > 0) {
                    return;
                }
                if (index == usable.size()) {
                    settle(amount.subtract(fixedIn), fixedValue, free, anyPool);
                    return;
                }
                Pool pool = usable.get(index);
                from(index + 1, fixedIn, fixedValue, free, anyPool);
                if (free == null) {
                    from(index + 1, fixedIn, fixedValue, pool, true);
                }
                for (BigInteger point : points(pool)) {
                    from(index + 1, fixedIn.add(point), fixedValue.add(net(legOut(pool, point), costs.otcFeeBps())),
                            free, true);
                }
            }

            /** Every tier's ends and the sizes either side of where its price reaches the quote's own output. */
            private java.util.Set<BigInteger> points(Pool pool) {
                java.util.Set<BigInteger> points = new java.util.TreeSet<>();
                for (QuotedTier tier : usableTiers(pool)) {
                    points.add(tier.minIn());
                    points.add(tier.in());
                    BigDecimal kink = new BigDecimal(pool.out(amount.min(pool.maxIn()))).divide(tier.rate(),
                            DepthCurve.MATH);
                    for (RoundingMode rounding : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                        BigInteger x = kink.setScale(0, rounding).toBigIntegerExact();
                        if (x.compareTo(tier.minIn()) >= 0 && x.compareTo(tier.in()) <= 0) {
                            points.add(x);
                        }
                    }
                }
                return points;
            }

            private void settle(BigInteger rest, BigDecimal fixedValue, Pool free, boolean anyPool) {
                if (!anyPool) {
                    return; // all to Jupiter: its full-size quote, weighed in optimum()
                }
                if (free == null) {
                    offer(rest.signum() == 0 ? fixedValue
                            : rest.compareTo(dexLo) >= 0 && rest.compareTo(dexHi) <= 0
                                    ? fixedValue.add(net(amm.out(new BigDecimal(rest)), costs.dexFeeBps())) : null);
                    return;
                }
                for (QuotedTier tier : usableTiers(free)) {
                    if (rest.compareTo(tier.minIn()) >= 0 && rest.compareTo(tier.in()) <= 0) {
                        offer(fixedValue.add(net(legOut(free, rest), costs.otcFeeBps())));
                    }
                    meetJupiter(rest, fixedValue, free, tier);
                }
            }

            /** The free pool within one tier and Jupiter share {@code rest}: concave, so the closed form decides. */
            private void meetJupiter(BigInteger rest, BigDecimal fixedValue, Pool free, QuotedTier tier) {
                BigInteger lo = tier.minIn().max(rest.subtract(dexHi));
                BigInteger hi = tier.in().min(rest.subtract(dexLo));
                if (lo.compareTo(hi) > 0) {
                    return;
                }
                BigDecimal dexKeep = BPS.subtract(BigDecimal.valueOf(costs.dexFeeBps()));
                BigDecimal otcKeep = BPS.subtract(BigDecimal.valueOf(costs.otcFeeBps()));
                BigDecimal marginal = tier.rate().multiply(otcKeep).divide(dexKeep, DepthCurve.MATH);
                BigDecimal kink = new BigDecimal(free.out(amount.min(free.maxIn()))).divide(tier.rate(),
                        DepthCurve.MATH);
                List<BigDecimal> sizes = List.of(new BigDecimal(lo), new BigDecimal(hi),
                        new BigDecimal(rest).subtract(amm.sizeAtMarginal(marginal)), kink);
                for (BigDecimal size : sizes) {
                    for (RoundingMode rounding : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                        BigInteger x = size.setScale(0, rounding).toBigIntegerExact().max(lo).min(hi);
                        offer(fixedValue.add(net(legOut(free, x), costs.otcFeeBps()))
                                .add(net(amm.out(new BigDecimal(rest.subtract(x))), costs.dexFeeBps())));
                    }
                }
            }

            private void offer(BigDecimal value) {
                if (value != null && (best == null || value.compareTo(best) > 0)) {
                    best = value;
                }
            }
        }

        /** What the decision's legs return after costs under the scenario's own model. */
        private BigDecimal valueOf(Decision decision) {
            BigDecimal total = BigDecimal.ZERO;
            for (Leg leg : decision.legs()) {
                if (leg.venue() == Venue.DEX) {
                    BigDecimal out = leg.in().equals(amount) ? new BigDecimal(quotedOut(amount))
                            : amm.out(new BigDecimal(leg.in()));
                    total = total.add(net(out, costs.dexFeeBps()));
                } else {
                    Pool pool = pools.stream().filter(p -> p.id().equals(leg.poolId())).findFirst().orElseThrow();
                    assertThat(leg.in()).as("leg of %s", pool.id()).isBetween(pool.minIn(), pool.maxIn());
                    assertThat(usableTiers(pool)).as("leg of %s in a tier within the band", pool.id())
                            .anyMatch(t -> leg.in().compareTo(t.minIn()) >= 0 && leg.in().compareTo(t.in()) <= 0);
                    QuotedTier tier = quotedTiers(pool).stream().filter(t -> t.minIn().compareTo(leg.in()) <= 0)
                            .reduce((a, b) -> b).orElseThrow();
                    assertThat(leg.expectedOut()).as("what the pool pays for the leg: its tier's price pro rata")
                            .isEqualTo(tier.out().multiply(leg.in()).divide(tier.in())
                                    .min(pool.out(amount.min(pool.maxIn()))));
                    total = total.add(net(legOut(pool, leg.in()), costs.otcFeeBps()));
                }
            }
            return total;
        }

        void assertOptimal(Decision decision) {
            BigDecimal optimum = optimum();
            if (optimum == null) {
                assertThat(decision.route()).as("%s", this).isEqualTo(Route.REJECTED);
                return;
            }
            assertThat(decision.route()).as("%s", this).isNotEqualTo(Route.REJECTED);
            assertThat(decision.legs().stream().map(Leg::in).reduce(BigInteger.ZERO, BigInteger::add))
                    .isEqualTo(amount);
            assertThat(valueOf(decision).subtract(optimum).abs()).as("%s: %s", this, decision.reason())
                    .isLessThanOrEqualTo(BigDecimal.ONE);
        }
    }
}
