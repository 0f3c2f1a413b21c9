package io.otcrouter.dashboard.pooladmin;

import java.util.ArrayList;
import java.util.List;

import io.otcrouter.dashboard.forwarding.FieldProblem;
import io.otcrouter.dashboard.forwarding.InvalidForwardException;
import io.otcrouter.security.input.StrictInput;

/**
 * Inventory to deposit (positive) or withdraw (negative) in token units, as the admin page submits it and
 * otc-pool-service's {@code POST /api/pools/{id}/inventory} takes it; a missing side stays as it is. The pool service
 * judges the change (enough inventory, the token's decimals); the dashboard only refuses what no change can be.
 */
public record InventoryChange(String baseDelta, String quoteDelta) {

    static final int MAX_INTEGER_DIGITS = 24;
    static final int MAX_FRACTION_DIGITS = 18;

    /** @throws InvalidForwardException naming every field out of bounds, or both missing */
    InventoryChange validated() {
        List<FieldProblem> problems = new ArrayList<>();
        if (baseDelta == null && quoteDelta == null) {
            problems.add(new FieldProblem("baseDelta", "or quoteDelta is required"));
        }
        if (baseDelta != null) {
            FieldProblem.check("baseDelta", () -> StrictInput.decimal("baseDelta", baseDelta, MAX_INTEGER_DIGITS,
                    MAX_FRACTION_DIGITS), problems);
        }
        if (quoteDelta != null) {
            FieldProblem.check("quoteDelta", () -> StrictInput.decimal("quoteDelta", quoteDelta, MAX_INTEGER_DIGITS,
                    MAX_FRACTION_DIGITS), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidForwardException("Invalid inventory change", problems);
        }
        return this;
    }
}
