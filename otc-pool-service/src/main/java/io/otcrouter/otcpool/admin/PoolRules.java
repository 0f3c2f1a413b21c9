package io.otcrouter.otcpool.admin;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.otcpool.pricing.SizeTier;
import io.otcrouter.security.input.StrictInput;

/**
 * Validates admin input for pools and turns it into atomic units. Plain Java: collects every problem in
 * {@code errors} (one readable line each, naming the field) instead of stopping at the first, so one answer tells
 * the admin all.
 *
 * <p>The input is untrusted: every amount is parsed by {@link StrictInput#decimal} (plain digits only, at most
 * {@link #MAX_INTEGER_DIGITS} before the point and the token's decimals after it), so no exponent like
 * {@code 1E+99999999} ever reaches a conversion whose cost grows with it; ids and symbols are matched exactly as
 * they are spelled here and in the token catalog, never trimmed or case-folded.
 */
class PoolRules {

    static final int MAX_OFFSET_BPS = 500;
    static final int MIN_TTL_MS = 500;
    static final int MAX_TTL_MS = 300_000;
    static final int MAX_DELAY_MS = 60_000;
    /**
     * Token units below 10^15 (a quadrillion): above any real pool's inventory, even of BONK, and with 18 decimals
     * still well inside the numeric(39, 0) columns of atomic amounts.
     */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_SIZE_TIERS = 16;
    static final int MAX_ID_LENGTH = 64;
    private static final int MAX_SYMBOL_LENGTH = 16;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    private final TokenCatalog tokens;
    private final int maxSpreadBps;

    PoolRules(TokenCatalog tokens, int maxSpreadBps) {
        this.tokens = tokens;
        this.maxSpreadBps = maxSpreadBps;
    }

    void id(String id, List<String> errors) {
        if (!text(id, "id", MAX_ID_LENGTH, errors)) {
            return;
        }
        if (!isId(id)) {
            errors.add("id must be 3-64 lower-case letters, digits or '-', starting with a letter or digit");
        }
    }

    /** Whether {@code id} can be a pool's id at all; anything else names no pool. */
    static boolean isId(String id) {
        return id != null && id.length() <= MAX_ID_LENGTH && ID.matcher(id).matches();
    }

    /** The catalog's token spelled exactly {@code symbol}: the catalog's own lookup folds case, this does not. */
    Optional<Token> token(String symbol, String field, List<String> errors) {
        if (!text(symbol, field, MAX_SYMBOL_LENGTH, errors)) {
            return Optional.empty();
        }
        Optional<Token> token = tokens.bySymbol(symbol).filter(known -> known.symbol().equals(symbol));
        if (token.isEmpty()) {
            errors.add(field + ": unknown token '" + StrictInput.shown(symbol) + "' (symbols as the catalog spells"
                    + " them: " + tokens.all().stream().map(Token::symbol).toList() + ")");
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

    /** An amount of {@code token} in token units, exact to its decimals; null (and an error) when it is not one. */
    BigInteger signedAmount(Token token, String units, String field, List<String> errors) {
        try {
            return token.toAtomic(StrictInput.decimal(field, units, MAX_INTEGER_DIGITS, token.decimals()));
        } catch (IllegalArgumentException e) {
            boolean given = units != null && !units.isBlank();
            errors.add(e.getMessage() + (given ? "; " + token.symbol() + " has " + token.decimals() + " decimals"
                    : ""));
            return null;
        }
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
        if (input.size() > MAX_SIZE_TIERS) {
            errors.add("sizeTiers must have at most " + MAX_SIZE_TIERS + " entries, has " + input.size());
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

    /** Whether {@code value} is present, not too long and free of control characters; else an error naming it. */
    private static boolean text(String value, String field, int maxLength, List<String> errors) {
        try {
            StrictInput.text(field, value, maxLength);
            return true;
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return false;
        }
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
