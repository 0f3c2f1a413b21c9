package io.otcrouter.ledger.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.otcrouter.security.input.StrictInput;

/**
 * A query string read strictly: only the known parameters, each at most once, each value spelled exactly as
 * documented (no trimming, no case folding, no control characters, bounded length), so a bad value is answered with a
 * 400 naming its parameter instead of being half-understood or reaching the database. Reading costs no more than the
 * length of the (bounded) values.
 */
final class QueryParameters {

    private static final int MAX_VALUE_LENGTH = 128;
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private final Map<String, String[]> parameters;

    private QueryParameters(Map<String, String[]> parameters) {
        this.parameters = parameters;
    }

    /** @throws InvalidQueryException naming the first parameter that is unknown or repeated */
    static QueryParameters of(Map<String, String[]> parameters, Set<String> known) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                String shown = StrictInput.shown(name);
                throw new InvalidQueryException(shown, shown + " is not a parameter of this query; known: "
                        + known.stream().sorted().toList());
            }
            if (parameter.getValue().length != 1) {
                throw new InvalidQueryException(name, name + " is given " + parameter.getValue().length
                        + " times, at most once");
            }
        }
        return new QueryParameters(parameters);
    }

    /** The parameter's value, present, bounded and free of control characters; null when not given. */
    String text(String name) {
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

    int number(String name, int absent, int min, int max) {
        String text = text(name);
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

    <E extends Enum<E>> E constant(String name, E[] constants) {
        String text = text(name);
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

    String matching(String name, Pattern pattern, String shape) {
        String text = text(name);
        if (text != null && !pattern.matcher(text).matches()) {
            throw new InvalidQueryException(name, name + " must be " + shape + ", got '" + StrictInput.shown(text)
                    + "'");
        }
        return text;
    }

    Instant instant(String name) {
        String text = text(name);
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
