package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.DepthPoint;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/**
 * Scenarios whose best possible output the test computes on its own: Jupiter as a constant-product pool, pools at
 * flat prices between their limits, the price band, the cost model. The independent optimum enumerates every set of
 * pools with and without Jupiter and, for each, the closed-form points where Jupiter's marginal price meets a pool's
 * ({@code x = sqrt(a·b / p) − b} for {@code out(x) = a·x / (b + x)}) and every breakpoint of the pools' limits; it
 * shares no code with the router's bisection. Every decision must reach it to one atomic unit of output.
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
                List.of(new FlatPool("desk", usdPerSol("149"), sol("10"), sol("2500"))), CostModel.FREE, true);

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
                new FlatPool("a", solPerUsd("150.2"), usdc("1000"),
                        usdc("1000000")),
                new FlatPool("b", solPerUsd("150.4"), usdc("1000"),
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
                new FlatPool("p1", usdPerSol("149.6"), sol("100"), sol("1500")),
                new FlatPool("p2", usdPerSol("149.2"), sol("500"), sol("2500")),
                new FlatPool("p3", usdPerSol("148.8"), sol("2000"), sol("4000"))),
                new CostModel(0, 5, usdc("0.5")), true);

        Decision decision = scenario.decide();

        assertThat(decision.route()).isEqualTo(Route.SPLIT);
        assertThat(decision.legs()).hasSizeGreaterThanOrEqualTo(3);
        scenario.assertOptimal(decision);
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
            List<FlatPool> pools = new ArrayList<>();
            int poolCount = random.nextInt(4);
            for (int p = 0; p < poolCount; p++) {
                // Within ±2 % of the reference: some beat Jupiter's marginal price, some do not.
                BigDecimal usdPerSol = SOL_USD.multiply(BigDecimal.valueOf(9_800 + random.nextInt(400)))
                        .divide(BPS, DepthCurve.MATH);
                BigDecimal minSol = BigDecimal.valueOf(random.nextInt(500));
                BigDecimal maxSol = minSol.add(BigDecimal.valueOf(1 + random.nextInt(15_000)));
                pools.add(sellSol
                        ? new FlatPool("p" + p, usdPerSol(usdPerSol.toPlainString()), sol(minSol.toPlainString()),
                                sol(maxSol.toPlainString()))
                        : new FlatPool("p" + p, solPerUsd(usdPerSol.toPlainString()),
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

    /** A pool paying {@code rate} output atomic units per input atomic unit for legs of minIn to maxIn. */
    record FlatPool(String id, BigDecimal rate, BigInteger minIn, BigInteger maxIn) {
    }

    private record Scenario(Token input, Token output, BigInteger amount, Amm amm, List<FlatPool> pools,
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

        /** As otc-pool-service answers: a firm quote for the trade's size, or for its maximum when smaller. */
        private PoolQuoted quote(FlatPool pool) {
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
            BigInteger out = pool.rate().multiply(new BigDecimal(in)).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            return quote.setInAmount(EventDecimals.atomic(in)).setStatus(PoolQuoteStatus.QUOTED)
                    .setQuoteId("q-" + pool.id()).setOutAmount(EventDecimals.atomic(out))
                    .setExpiresAt(NOW.plusSeconds(5)).setFirm(true).build();
        }

        /** The rate a pool's leg pays: its quote's, exactly. */
        private BigDecimal rateOf(FlatPool pool) {
            BigInteger in = amount.min(pool.maxIn());
            BigInteger out = pool.rate().multiply(new BigDecimal(in)).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            return new BigDecimal(out).divide(new BigDecimal(in), DepthCurve.MATH);
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

        /** The best output after costs any decision could reach, by enumeration and closed forms. */
        BigDecimal optimum() {
            BigDecimal best = null;
            BigInteger fullDex = quotedOut(amount);
            if (inBand(new BigDecimal(fullDex).divide(new BigDecimal(amount), DepthCurve.MATH))) {
                best = net(new BigDecimal(fullDex), costs.dexFeeBps());
            }
            List<FlatPool> usable = pools.stream().filter(p -> amount.compareTo(p.minIn()) >= 0)
                    .filter(p -> inBand(rateOf(p)))
                    .sorted(Comparator.comparing(this::rateOf).reversed()).toList();
            BigInteger dexLo = BigInteger.ONE;
            BigInteger dexHi = amount;
            if (withReference) {
                BigDecimal width = BigDecimal.valueOf(BAND_BPS).divide(BPS);
                BigDecimal floorSize = amm.sizeAtAverage(referenceRate().multiply(BigDecimal.ONE.subtract(width)));
                BigDecimal ceilingSize = amm.sizeAtAverage(referenceRate().multiply(BigDecimal.ONE.add(width)));
                dexHi = dexHi.min(floorSize.setScale(0, RoundingMode.FLOOR).toBigIntegerExact());
                dexLo = dexLo.max(ceilingSize.setScale(0, RoundingMode.CEILING).toBigIntegerExact());
            }
            for (int mask = 1; mask < 1 << usable.size(); mask++) {
                List<FlatPool> set = new ArrayList<>();
                for (int i = 0; i < usable.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        set.add(usable.get(i));
                    }
                }
                for (BigDecimal value : new BigDecimal[] {withoutDex(set), withDex(set, dexLo, dexHi)}) {
                    if (value != null && (best == null || value.compareTo(best) > 0)) {
                        best = value;
                    }
                }
            }
            return best;
        }

        private BigDecimal withoutDex(List<FlatPool> set) {
            BigInteger min = set.stream().map(FlatPool::minIn).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger max = set.stream().map(p -> p.maxIn().min(amount)).reduce(BigInteger.ZERO, BigInteger::add);
            return amount.compareTo(min) < 0 || amount.compareTo(max) > 0 ? null : poolsValue(set, amount);
        }

        private BigDecimal withDex(List<FlatPool> set, BigInteger dexLo, BigInteger dexHi) {
            BigInteger min = set.stream().map(FlatPool::minIn).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger max = set.stream().map(p -> p.maxIn().min(amount)).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger lo = dexLo.max(amount.subtract(max)).max(BigInteger.ONE);
            BigInteger hi = dexHi.min(amount.subtract(min));
            if (lo.compareTo(hi) > 0) {
                return null;
            }
            // Candidates: both ends, every breakpoint of the pools' limits, and in each stretch where one pool is
            // marginal, the size where Jupiter's marginal rate after fees meets that pool's.
            List<BigDecimal> sizes = new ArrayList<>(List.of(new BigDecimal(lo), new BigDecimal(hi)));
            BigInteger filled = min;
            BigDecimal dexKeep = BPS.subtract(BigDecimal.valueOf(costs.dexFeeBps()));
            BigDecimal otcKeep = BPS.subtract(BigDecimal.valueOf(costs.otcFeeBps()));
            for (FlatPool pool : set) {
                filled = filled.add(pool.maxIn().min(amount).subtract(pool.minIn()));
                sizes.add(new BigDecimal(amount.subtract(filled)));
                BigDecimal marginal = rateOf(pool).multiply(otcKeep).divide(dexKeep, DepthCurve.MATH);
                sizes.add(amm.sizeAtMarginal(marginal));
            }
            BigDecimal best = null;
            for (BigDecimal size : sizes) {
                for (RoundingMode rounding : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    BigInteger x = size.setScale(0, rounding).toBigIntegerExact().max(lo).min(hi);
                    BigDecimal value = net(amm.out(new BigDecimal(x)), costs.dexFeeBps())
                            .add(poolsValue(set, amount.subtract(x)));
                    if (best == null || value.compareTo(best) > 0) {
                        best = value;
                    }
                }
            }
            return best;
        }

        private BigDecimal poolsValue(List<FlatPool> set, BigInteger toPools) {
            BigInteger left = toPools;
            BigDecimal total = BigDecimal.ZERO;
            for (FlatPool pool : set) {
                left = left.subtract(pool.minIn());
            }
            for (FlatPool pool : set) {
                BigInteger more = left.min(pool.maxIn().min(amount).subtract(pool.minIn())).max(BigInteger.ZERO);
                left = left.subtract(more);
                BigInteger leg = pool.minIn().add(more);
                total = total.add(net(rateOf(pool).multiply(new BigDecimal(leg), DepthCurve.MATH), costs.otcFeeBps()));
            }
            return total;
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
                    FlatPool pool = pools.stream().filter(p -> p.id().equals(leg.poolId())).findFirst().orElseThrow();
                    assertThat(leg.in()).as("leg of %s", pool.id()).isBetween(pool.minIn(), pool.maxIn());
                    total = total.add(net(rateOf(pool).multiply(new BigDecimal(leg.in()), DepthCurve.MATH),
                            costs.otcFeeBps()));
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
