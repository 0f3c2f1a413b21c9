package io.otcrouter.dashboard.forwarding;

import java.util.List;
import java.util.function.Supplier;

/**
 * One field of a forwarded request that the dashboard refuses before forwarding it, in the shape router-service and
 * otc-pool-service use for theirs ({@code errors: [{field, message}]}), so the page shows both the same way.
 */
public record FieldProblem(String field, String message) {

    /**
     * Runs one {@code io.otcrouter.security.input.StrictInput} check; a failure is added to {@code problems} with the
     * field's name taken off the front of the message (the page puts it there).
     */
    public static void check(String field, Supplier<?> strictInputCheck, List<FieldProblem> problems) {
        try {
            strictInputCheck.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message.startsWith(field + ": ")) {
                message = message.substring(field.length() + 2);
            } else if (message.startsWith(field + " ")) {
                message = message.substring(field.length() + 1);
            }
            problems.add(new FieldProblem(field, message));
        }
    }
}
