package io.otcrouter.quote.dex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.kafka.prices.ReferencePrices;
import io.otcrouter.quote.dex.SimulatedDexProperties.PoolSettings;

/**
 * The offline DEX: one constant-product pool (x·y = k) per pair, seeded from the reference prices so that each
 * side holds the configured USD depth (the pair's own setting, else the default; a pair's pool serves both
 * directions) and takes the configured fee. Amounts are atomic units of each token's own decimals, so a 6→6
 * decimal pair (USDC→USDT) and a 9→6 pair (SOL→USDC) are both priced right. Every quote is SIMULATED.
 *
 * <p>{@code priceImpactPct} is the curve's move against the mid price, without the fee (the fee is a cost, not
 * impact, as with Jupiter): {@code inAfterFee / (reserveIn + inAfterFee)}.
 */
public class SimulatedDex {

    static final String ROUTE_LABEL = "Simulated CPMM";
    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    private static final MathContext MC = MathContext.DECIMAL128;

    private final ReferencePrices prices;
    private final TokenCatalog tokens;
    private final PoolSettings defaults;
    private final Map<String, PoolSettings> poolsByPair;

    public SimulatedDex(ReferencePrices prices, TokenCatalog tokens, SimulatedDexProperties properties) {
        this.prices = prices;
        this.tokens = tokens;
        this.defaults = properties.defaults();
        this.poolsByPair = properties.poolsByPair();
    }

    /** The settings of the pool between two tokens, whichever way round the pair is written. */
    PoolSettings pool(Token input, Token output) {
        PoolSettings pool = poolsByPair.get(TokenCatalog.pair(input, output));
        if (pool == null) {
            pool = poolsByPair.get(TokenCatalog.pair(output, input));
        }
        return pool == null ? defaults : pool;
    }

    public DexQuote quote(DexQuoteRequest request) {
        Optional<Token> input = tokens.byMint(request.inputMint());
        Optional<Token> output = tokens.byMint(request.outputMint());
        if (input.isEmpty() || output.isEmpty()) {
            return DexQuote.noRoute(QuoteSource.SIMULATED, "simulated DEX knows no token with mint "
                    + (input.isEmpty() ? request.inputMint() : request.outputMint()));
        }
        if (input.get().equals(output.get())) {
            return DexQuote.noRoute(QuoteSource.SIMULATED, "input and output are the same token");
        }
        PoolSettings pool = pool(input.get(), output.get());
        BigInteger reserveIn = reserve(input.get(), pool.depthUsdPerSide());
        BigInteger reserveOut = reserve(output.get(), pool.depthUsdPerSide());
        BigInteger inAfterFee = request.amount().multiply(BPS.subtract(BigInteger.valueOf(pool.feeBps())))
                .divide(BPS);
        BigInteger out = reserveOut.multiply(inAfterFee).divide(reserveIn.add(inAfterFee));
        if (out.signum() <= 0) {
            return DexQuote.noRoute(QuoteSource.SIMULATED, "amount too small to get any output");
        }
        BigInteger threshold = out.multiply(BPS.subtract(BigInteger.valueOf(request.slippageBps()))).divide(BPS);
        BigDecimal impact = new BigDecimal(inAfterFee).divide(new BigDecimal(reserveIn.add(inAfterFee)), MC);
        return new DexQuote(JupiterQuoteStatus.QUOTED, QuoteSource.SIMULATED, out, threshold, impact,
                List.of(ROUTE_LABEL), null, null);
    }

    /** Atomic reserve worth {@code depthUsdPerSide} at the token's reference price (static price if none). */
    private BigInteger reserve(Token token, BigDecimal depthUsdPerSide) {
        BigDecimal priceUsd = prices.usdPrice(token.mint()).orElse(token.staticPriceUsd());
        BigDecimal units = depthUsdPerSide.divide(priceUsd, MC);
        return units.movePointRight(token.decimals()).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }
}
