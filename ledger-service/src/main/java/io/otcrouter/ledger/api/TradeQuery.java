package io.otcrouter.ledger.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.otcrouter.events.Route;
import io.otcrouter.ledger.booking.TradeState;
import io.otcrouter.security.input.StrictInput;

/**
 * The query string of {@code GET /api/ledger/trades}, read strictly: only the parameters below, each at most once,
 * each value spelled exactly as documented (no trimming, no case folding, no control characters, bounded length),
 * so a bad value is answered with a 400 naming its parameter instead of being half-understood or reaching the
 * database. Plain Java; parsing costs no more than the length of the (bounded) values.
 *
 * @param page 0-based, at most {@link #MAX_PAGE}
 * @param size 1 to {@link #MAX_SIZE}
 */
record TradeQuery(TradeFilter filter, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    /** Deeper pages cost the database a scan of every row before them: narrow the time range instead. */
    static final int MAX_PAGE = 10_000;
    static final Set<String> PARAMETERS = Set.of("page", "size", "route", "pair", "status", "from", "to",
            "submittedBy");

    private static final int MAX_VALUE_LENGTH = 128;
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern PAIR = Pattern.compile("[A-Za-z0-9]{1,16}/[A-Za-z0-9]{1,16}");
    /** As the router writes it: its API key ids, or the names of the dashboard's users. */
    private static final Pattern SUBMITTED_BY = Pattern.compile(
            "api-key:[A-Za-z0-9][A-Za-z0-9._-]{0,63}|dashboard-user:[A-Za-z0-9._@-]{1,64}");

    /** @throws InvalidQueryException naming the first parameter that is unknown, repeated or badly spelled */
    static TradeQuery parse(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!PARAMETERS.contains(name)) {
                String shown = StrictInput.shown(name);
                throw new InvalidQueryException(shown, shown + " is not a parameter of this query; known: "
                        + PARAMETERS.stream().sorted().toList());
            }
            if (parameter.getValue().length != 1) {
                throw new InvalidQueryException(name, name + " is given " + parameter.getValue().length
                        + " times, at most once");
            }
        }
        int page = number(parameters, "page", 0, 0, MAX_PAGE);
        int size = number(parameters, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        Instant from = instant(parameters, "from");
        Instant to = instant(parameters, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("from", "from must be before to, got from=" + from + " to=" + to);
        }
        return new TradeQuery(new TradeFilter(
                constant(parameters, "route", Route.values()),
                matching(parameters, "pair", PAIR, "INPUT/OUTPUT as the tokens are spelled, such as SOL/USDC"),
                constant(parameters, "status", TradeState.values()),
                from, to,
                matching(parameters, "submittedBy", SUBMITTED_BY, "api-key:<key id> or dashboard-user:<name>")),
                page, size);
    }

    /** The parameter's value, present, bounded and free of control characters; null when not given. */
    private static String value(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        try {
            return StrictInput.text(name, values[0], MAX_VALUE_LENGTH);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(name, e.getMessage());
        }
    }

    private static int number(Map<String, String[]> parameters, String name, int absent, int min, int max) {
        String text = value(parameters, name);
        if (text == null) {
            return absent;
        }
        int number = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (number < min || number > max) {
            throw new InvalidQueryException(name, name + " must be a whole number from " + min + " to " + max
                    + ", got '" + StrictInput.shown(text) + "'");
        }
        return number;
    }

    private static <E extends Enum<E>> E constant(Map<String, String[]> parameters, String name, E[] constants) {
        String text = value(parameters, name);
        if (text == null) {
            return null;
        }
        List<String> names = Arrays.stream(constants).map(Enum::name).toList();
        int index = names.indexOf(text);
        if (index < 0) {
            throw new InvalidQueryException(name, name + " must be one of " + names + ", got '"
                    + StrictInput.shown(text) + "'");
        }
        return constants[index];
    }

    private static String matching(Map<String, String[]> parameters, String name, Pattern pattern, String shape) {
        String text = value(parameters, name);
        if (text != null && !pattern.matcher(text).matches()) {
            throw new InvalidQueryException(name, name + " must be " + shape + ", got '" + StrictInput.shown(text)
                    + "'");
        }
        return text;
    }

    private static Instant instant(Map<String, String[]> parameters, String name) {
        String text = value(parameters, name);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            instant = null;
        }
        // PostgreSQL's timestamps end in the year 294276; Java's go on to 1000000000.
        if (instant == null || instant.isBefore(Instant.EPOCH) || !instant.isBefore(LATEST)) {
            throw new InvalidQueryException(name, name + " must be an ISO-8601 instant from 1970 to 9999 such as"
                    + " 2024-05-01T12:00:00Z, got '" + StrictInput.shown(text) + "'");
        }
        return instant;
    }
}
