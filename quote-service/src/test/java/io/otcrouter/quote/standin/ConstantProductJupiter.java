package io.otcrouter.quote.standin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.quote.JupiterFixtures;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The quotes of the Jupiter stand-in: Jupiter's documented SOL→USDC quote (0.1 SOL, {@code
 * jupiter-swap-v1-quote-sol-usdc-docs.json}) served verbatim for its own request, and for any other ExactIn request
 * between two catalog tokens the same payload with its amounts from a constant-product pool (x·y = k): each side of
 * every pair worth {@code depthUsd}, at SOL's price in the documented quote (161.98753 USDC), 1 USD for USDC and USDT
 * and the catalog's static price for the rest. Small trades therefore get about the documented rate, big ones a price
 * impact that grows with size, as from a real venue. Any other mint has no route (Jupiter's real answer).
 */
public final class ConstantProductJupiter {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    private static final String STABLE_USD = "1";
    static final String ROUTE_LABEL = "Jupiter stand-in (constant product)";

    private final JsonMapper json = JsonMapper.builder().build();
    private final ObjectNode documented;
    private final TokenCatalog tokens;
    private final Map<String, BigDecimal> usdByMint;
    private final BigDecimal depthUsd;
    private final AtomicLong slot;

    public ConstantProductJupiter(TokenCatalog tokens, BigDecimal depthUsd) {
        this.documented = (ObjectNode) json.readTree(JupiterFixtures.body(JupiterFixtures.QUOTE_SOL_USDC));
        this.tokens = tokens;
        this.depthUsd = depthUsd;
        this.slot = new AtomicLong(documented.get("contextSlot").asLong());
        Token sol = tokens.bySymbol("SOL").orElseThrow();
        Token usdc = tokens.bySymbol("USDC").orElseThrow();
        // USDC per SOL in the documented quote: outAmount / inAmount at each token's decimals
        BigDecimal solUsd = new BigDecimal(new BigInteger(documented.get("outAmount").asString()), usdc.decimals())
                .divide(new BigDecimal(new BigInteger(documented.get("inAmount").asString()), sol.decimals()), MC);
        this.usdByMint = Map.copyOf(tokens.all().stream().collect(Collectors.toMap(Token::mint,
                token -> switch (token.symbol()) {
                    case "SOL" -> solUsd;
                    case "USDC", "USDT" -> new BigDecimal(STABLE_USD);
                    default -> token.staticPriceUsd();
                })));
    }

    /** SOL's price in USD, taken from the documented quote. */
    public BigDecimal solUsd() {
        return usdByMint.get(tokens.bySymbol("SOL").orElseThrow().mint());
    }

    /**
     * Jupiter's answer body to an ExactIn quote, or empty when the pair has no route here.
     *
     * @param amount atomic units of the input token, positive
     */
    public Optional<String> quote(String inputMint, String outputMint, BigInteger amount, int slippageBps) {
        if (isDocumented(inputMint, outputMint, amount, slippageBps)) {
            return Optional.of(documented.toString());
        }
        Optional<Token> in = tokens.byMint(inputMint);
        Optional<Token> out = tokens.byMint(outputMint);
        if (in.isEmpty() || out.isEmpty() || inputMint.equals(outputMint)) {
            return Optional.empty();
        }
        BigDecimal reserveIn = reserve(in.get());
        BigDecimal reserveOut = reserve(out.get());
        BigDecimal amountIn = new BigDecimal(amount);
        BigInteger outAmount = reserveOut.multiply(amountIn).divide(reserveIn.add(amountIn), MC)
                .setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        BigInteger threshold = outAmount.multiply(BPS.subtract(BigInteger.valueOf(slippageBps))).divide(BPS);
        BigDecimal impact = amountIn.divide(reserveIn.add(amountIn), MC).setScale(12, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        ObjectNode body = documented.deepCopy();
        body.put("inputMint", inputMint);
        body.put("outputMint", outputMint);
        body.put("inAmount", amount.toString());
        body.put("outAmount", outAmount.toString());
        body.put("otherAmountThreshold", threshold.toString());
        body.put("slippageBps", slippageBps);
        body.put("priceImpactPct", impact.toPlainString());
        body.put("contextSlot", slot.incrementAndGet());
        body.remove("mostReliableAmmsQuoteReport");
        ObjectNode swap = (ObjectNode) body.get("routePlan").get(0).get("swapInfo");
        swap.put("label", ROUTE_LABEL);
        swap.put("inputMint", inputMint);
        swap.put("outputMint", outputMint);
        swap.put("inAmount", amount.toString());
        swap.put("outAmount", outAmount.toString());
        return Optional.of(body.toString());
    }

    private boolean isDocumented(String inputMint, String outputMint, BigInteger amount, int slippageBps) {
        return inputMint.equals(documented.get("inputMint").asString())
                && outputMint.equals(documented.get("outputMint").asString())
                && amount.toString().equals(documented.get("inAmount").asString())
                && slippageBps == documented.get("slippageBps").asInt();
    }

    /** One side of a pool, in atomic units of the token: {@code depthUsd} worth of it. */
    private BigDecimal reserve(Token token) {
        return depthUsd.divide(usdByMint.get(token.mint()), MC).movePointRight(token.decimals());
    }
}
