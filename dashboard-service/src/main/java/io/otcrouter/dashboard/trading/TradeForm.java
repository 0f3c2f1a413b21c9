package io.otcrouter.dashboard.trading;

import java.util.ArrayList;
import java.util.List;

import io.otcrouter.dashboard.forwarding.FieldProblem;
import io.otcrouter.dashboard.forwarding.InvalidForwardException;
import io.otcrouter.security.input.StrictInput;

/**
 * What the trade form submits, forwarded to router-service. {@code amount} stays a decimal string in token units so
 * no float rounding happens on the way. The router judges the trade (known tokens, amount within its limits); the
 * dashboard only refuses what no trade can be — control characters, overlong text, numbers that are not plain
 * decimals — so nothing hostile is forwarded in anyone's name. A missing field is left for the router to name.
 */
public record TradeForm(String inputToken, String outputToken, String amount, Integer slippageBps,
        String clientOrderId) {

    static final int MAX_SYMBOL_LENGTH = 16;
    static final int MAX_CLIENT_ORDER_ID_LENGTH = 64;
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;
    /** Token decimals go up to 18; no amount a pool or Jupiter fills has more than 24 digits before the point. */
    static final int MAX_INTEGER_DIGITS = 24;
    static final int MAX_FRACTION_DIGITS = 18;

    /** @throws InvalidForwardException naming every field out of bounds */
    TradeForm validated(String idempotencyKey) {
        List<FieldProblem> problems = new ArrayList<>();
        if (inputToken != null) {
            FieldProblem.check("inputToken", () -> StrictInput.text("inputToken", inputToken, MAX_SYMBOL_LENGTH), problems);
        }
        if (outputToken != null) {
            FieldProblem.check("outputToken", () -> StrictInput.text("outputToken", outputToken, MAX_SYMBOL_LENGTH),
                    problems);
        }
        if (amount != null) {
            FieldProblem.check("amount", () -> StrictInput.decimal("amount", amount, MAX_INTEGER_DIGITS,
                    MAX_FRACTION_DIGITS), problems);
        }
        if (clientOrderId != null) {
            FieldProblem.check("clientOrderId", () -> StrictInput.text("clientOrderId", clientOrderId,
                    MAX_CLIENT_ORDER_ID_LENGTH), problems);
        }
        if (idempotencyKey != null) {
            FieldProblem.check(RouterClient.IDEMPOTENCY_KEY, () -> StrictInput.text(RouterClient.IDEMPOTENCY_KEY,
                    idempotencyKey, MAX_IDEMPOTENCY_KEY_LENGTH), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidForwardException("Invalid trade request", problems);
        }
        return this;
    }
}
