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

/** Turns a raw request into a {@link TradeIntent}, or says every field that is wrong. */
class TradeRequestValidator {

    static final int DEFAULT_SLIPPAGE_BPS = 50;
    private static final int MAX_SLIPPAGE_BPS = 5_000;
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final TokenCatalog tokens;
    private final BigDecimal maxAmountUnits;

    TradeRequestValidator(TokenCatalog tokens, BigDecimal maxAmountUnits) {
        this.tokens = tokens;
        this.maxAmountUnits = maxAmountUnits;
    }

    TradeIntent validate(TradeRequest request) {
        List<FieldError> errors = new ArrayList<>();
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
        if (symbol == null || symbol.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return Optional.empty();
        }
        Optional<Token> token = tokens.bySymbol(symbol.trim());
        if (token.isEmpty()) {
            errors.add(new FieldError(field, "unknown token '" + symbol + "'; known: "
                    + tokens.all().stream().map(Token::symbol).toList()));
        }
        return token;
    }

    private BigInteger amount(String text, Token token, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("amount", "is required, as a decimal string in " + token.symbol() + " units"));
            return null;
        }
        if (!DECIMAL.matcher(text.trim()).matches()) {
            errors.add(new FieldError("amount", "'" + text + "' is not a decimal number"));
            return null;
        }
        BigDecimal units = new BigDecimal(text.trim());
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
}
