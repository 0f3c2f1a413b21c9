package io.otcrouter.otcpool.admin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.otcpool.pricing.SizeTier;

/**
 * Validates admin input for pools and turns it into atomic units. Plain Java: collects every problem in
 * {@code errors} (one readable line each) instead of stopping at the first, so one answer tells the admin all.
 */
class PoolRules {

    static final int MAX_OFFSET_BPS = 500;
    static final int MIN_TTL_MS = 500;
    static final int MAX_TTL_MS = 300_000;
    static final int MAX_DELAY_MS = 60_000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    private final TokenCatalog tokens;
    private final int maxSpreadBps;

    PoolRules(TokenCatalog tokens, int maxSpreadBps) {
        this.tokens = tokens;
        this.maxSpreadBps = maxSpreadBps;
    }

    void id(String id, List<String> errors) {
        if (id == null || !ID.matcher(id).matches()) {
            errors.add("id must be 3-64 lower-case letters, digits or '-', starting with a letter or digit");
        }
    }

    Optional<Token> token(String symbol, String field, List<String> errors) {
        if (symbol == null || symbol.isBlank()) {
            errors.add(field + " is required");
            return Optional.empty();
        }
        Optional<Token> token = tokens.bySymbol(symbol);
        if (token.isEmpty()) {
            errors.add(field + ": unknown token " + symbol);
        }
        return token;
    }

    /** A non-negative amount of {@code token} in token units, exact to its decimals. */
    BigInteger amount(Token token, String units, String field, List<String> errors) {
        BigInteger atomic = signedAmount(token, units, field, errors);
        if (atomic != null && atomic.signum() < 0) {
            errors.add(field + " must not be negative");
            return null;
        }
        return atomic;
    }

    BigInteger signedAmount(Token token, String units, String field, List<String> errors) {
        if (units == null || units.isBlank()) {
            errors.add(field + " is required");
            return null;
        }
        try {
            return token.toAtomic(new BigDecimal(units.trim()));
        } catch (NumberFormatException e) {
            errors.add(field + " is not a number: " + units);
        } catch (ArithmeticException e) {
            errors.add(field + " has more decimals than " + token.symbol() + " (" + token.decimals() + ")");
        }
        return null;
    }

    /** Every term present and in range; {@code base} converts the size limits and tiers. */
    ValidTerms terms(TermsInput in, Token base, List<String> errors) {
        int spread = range(in.spreadBps(), "spreadBps", 0, maxSpreadBps, errors);
        int offset = range(in.priceOffsetBps(), "priceOffsetBps", -MAX_OFFSET_BPS, MAX_OFFSET_BPS, errors);
        int ttl = range(in.quoteTtlMs(), "quoteTtlMs", MIN_TTL_MS, MAX_TTL_MS, errors);
        int delayMin = range(in.execDelayMinMs(), "execDelayMinMs", 0, MAX_DELAY_MS, errors);
        int delayMax = range(in.execDelayMaxMs(), "execDelayMaxMs", 0, MAX_DELAY_MS, errors);
        if (delayMin > delayMax) {
            errors.add("execDelayMinMs must not exceed execDelayMaxMs");
        }
        BigInteger min = amount(base, in.minTradeBase(), "minTradeBase", errors);
        BigInteger max = amount(base, in.maxTradeBase(), "maxTradeBase", errors);
        if (max != null && max.signum() == 0) {
            errors.add("maxTradeBase must be positive");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add("minTradeBase must not exceed maxTradeBase");
        }
        List<SizeTier> tiers = tiers(in.sizeTiers(), base, errors);
        if (spread + tiers.stream().mapToInt(SizeTier::addBps).max().orElse(0) > maxSpreadBps) {
            errors.add("spreadBps plus the largest size tier must not exceed " + maxSpreadBps);
        }
        return new ValidTerms(spread, tiers, offset, min, max, ttl, delayMin, delayMax);
    }

    private List<SizeTier> tiers(List<TermsInput.TierInput> input, Token base, List<String> errors) {
        List<SizeTier> tiers = new ArrayList<>();
        if (input == null) {
            return tiers;
        }
        for (int i = 0; i < input.size(); i++) {
            TermsInput.TierInput tier = input.get(i);
            String field = "sizeTiers[" + i + "]";
            if (tier == null) {
                errors.add(field + " is required");
                continue;
            }
            BigInteger from = amount(base, tier.minTradeBase(), field + ".minTradeBase", errors);
            int add = range(tier.addBps(), field + ".addBps", 0, maxSpreadBps, errors);
            if (from != null && !tiers.isEmpty() && from.compareTo(tiers.get(tiers.size() - 1).minTradeBase()) <= 0) {
                errors.add(field + ".minTradeBase must be above the previous tier's");
            }
            if (from != null) {
                tiers.add(new SizeTier(from, add));
            }
        }
        return tiers;
    }

    private static int range(Integer value, String field, int min, int max, List<String> errors) {
        if (value == null) {
            errors.add(field + " is required");
            return 0;
        }
        if (value < min || value > max) {
            errors.add(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
