package io.otcrouter.dashboard.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otcrouter.dashboard.forwarding.FieldProblem;
import io.otcrouter.dashboard.forwarding.InvalidForwardException;
import io.otcrouter.security.input.StrictInput;

/**
 * The history page's query string, checked before it is forwarded: only the ledger's parameter names, each once, each
 * value bounded and free of control characters. How each value must be spelled is the ledger's to judge; it answers
 * a problem naming the parameter, which reaches the page unchanged.
 */
final class HistoryParameters {

    static final Set<String> FILTERS = Set.of("route", "pair", "status", "from", "to", "submittedBy",
            "clientOrderId");
    static final Set<String> PAGING = Set.of("size", "after", "before");
    private static final int MAX_LENGTH = 128;

    private HistoryParameters() {
    }

    /** @throws InvalidForwardException naming every parameter that is unknown, repeated or out of bounds */
    static Map<String, String> checked(Map<String, String[]> query, boolean paging) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> forwarded = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (!FILTERS.contains(name) && !(paging && PAGING.contains(name))) {
                problems.add(new FieldProblem(StrictInput.shown(name), "is not a parameter of the trade history"));
            } else if (values.length != 1) {
                problems.add(new FieldProblem(name, "is given " + values.length + " times, at most once"));
            } else {
                FieldProblem.check(name, () -> StrictInput.text(name, values[0], MAX_LENGTH), problems);
                forwarded.put(name, values[0]);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidForwardException("Invalid trade history query", problems);
        }
        return forwarded;
    }
}
