package io.otcrouter.router.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.router.api.InvalidTradeRequestException.FieldError;
import io.otcrouter.router.routing.TradeIntent;
import io.otcrouter.security.input.StrictInput;

/**
 * Turns a raw request into a {@link TradeIntent}, or says every field that is wrong. Nothing is guessed: a token is
 * one the catalog spells exactly so, an amount a plain decimal of bounded digits (no exponent, so no amount can
 * cost more to read than its length), a slippage a whole number. Values are echoed in errors only as
 * {@link StrictInput#shown}, control characters escaped.
 */
class TradeRequestValidator {

    static final int DEFAULT_SLIPPAGE_BPS = 50;
    private static final int MAX_SLIPPAGE_BPS = 5_000;
    /** Enough for any token: {@link Token} allows at most 18 decimals; each token's own is checked after. */
    private static final int MAX_FRACTION_DIGITS = 18;
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private final TokenCatalog tokens;
    private final BigDecimal maxAmountUnits;
    private final int maxIntegerDigits;

    TradeRequestValidator(TokenCatalog tokens, BigDecimal maxAmountUnits) {
        this.tokens = tokens;
        this.maxAmountUnits = maxAmountUnits;
        this.maxIntegerDigits = Math.max(1, maxAmountUnits.precision() - maxAmountUnits.scale());
    }

    TradeIntent validate(TradeRequest request) {
        return validate(request, new ArrayList<>());
    }

    /** A quote's query parameters: all text, so the slippage is read here as strictly as the body's integer. */
    TradeIntent validate(String inputToken, String outputToken, String amount, String slippageBps) {
        List<FieldError> errors = new ArrayList<>();
        Integer slippage = slippageBps == null ? null : wholeNumber("slippageBps", slippageBps, errors);
        return validate(new TradeRequest(inputToken, outputToken, amount, slippage, null), errors);
    }

    private TradeIntent validate(TradeRequest request, List<FieldError> errors) {
        Optional<Token> input = token("inputToken", request.inputToken(), errors);
        Optional<Token> output = token("outputToken", request.outputToken(), errors);
        if (input.isPresent() && input.equals(output)) {
            errors.add(new FieldError("outputToken", "must differ from inputToken"));
        }
        BigInteger amount = input.map(token -> amount(request.amount(), token, errors)).orElse(null);
        int slippage = slippage(request.slippageBps(), errors);
        String clientOrderId = request.clientOrderId();
        if (clientOrderId != null && !CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            errors.add(new FieldError("clientOrderId", "must be 1 to 64 characters of A-Z a-z 0-9 . _ -"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidTradeRequestException(errors);
        }
        return new TradeIntent(input.orElseThrow(), output.orElseThrow(), amount, slippage, clientOrderId);
    }

    private Optional<Token> token(String field, String symbol, List<FieldError> errors) {
        if (symbol == null || symbol.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
            return Optional.empty();
        }
        // The catalog's own lookup ignores case; a client's "usdc" or "USDC\u0000" is not taken for USDC.
        Optional<Token> token = tokens.bySymbol(symbol).filter(known -> known.symbol().equals(symbol));
        if (token.isEmpty()) {
            errors.add(new FieldError(field, "unknown token '" + StrictInput.shown(symbol) + "'; known, spelled "
                    + "exactly so: " + tokens.all().stream().map(Token::symbol).toList()));
        }
        return token;
    }

    private BigInteger amount(String text, Token token, List<FieldError> errors) {
        if (text == null || text.isEmpty()) {
            errors.add(new FieldError("amount", "is required, as a decimal string in " + token.symbol() + " units"));
            return null;
        }
        BigDecimal units;
        try {
            units = StrictInput.decimal("amount", text, maxIntegerDigits, MAX_FRACTION_DIGITS);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("amount", withoutField("amount", e.getMessage())));
            return null;
        }
        if (units.signum() <= 0) {
            errors.add(new FieldError("amount", "must be greater than zero"));
            return null;
        }
        if (units.stripTrailingZeros().scale() > token.decimals()) {
            errors.add(new FieldError("amount", token.symbol() + " has " + token.decimals() + " decimals; '" + text
                    + "' has more"));
            return null;
        }
        if (units.compareTo(maxAmountUnits) > 0) {
            errors.add(new FieldError("amount", "must not exceed " + maxAmountUnits.toPlainString()));
            return null;
        }
        return token.toAtomic(units.stripTrailingZeros());
    }

    private static int slippage(Integer slippageBps, List<FieldError> errors) {
        if (slippageBps == null) {
            return DEFAULT_SLIPPAGE_BPS;
        }
        if (slippageBps < 1 || slippageBps > MAX_SLIPPAGE_BPS) {
            errors.add(new FieldError("slippageBps", "must be between 1 and " + MAX_SLIPPAGE_BPS));
        }
        return slippageBps;
    }

    private static Integer wholeNumber(String field, String text, List<FieldError> errors) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            errors.add(new FieldError(field, "must be a whole number between 1 and " + MAX_SLIPPAGE_BPS + ", not '"
                    + StrictInput.shown(text) + "'"));
            return null;
        }
        return Integer.valueOf(text);
    }

    /** StrictInput's messages begin with the field's name, which the FieldError already carries. */
    private static String withoutField(String field, String message) {
        String prefix = field + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
