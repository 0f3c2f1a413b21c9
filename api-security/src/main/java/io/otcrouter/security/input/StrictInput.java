package io.otcrouter.security.input;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Parsing of untrusted text that never costs more than its length: plain decimals only (digits, one optional point,
 * an optional leading minus; no exponent, so {@code 1E+99999999} cannot make a later {@code setScale} run for
 * minutes), bounded digits, and strings without control characters. Each failure is an
 * {@link IllegalArgumentException} whose message names the field and says what is wrong, ready for a problem+json
 * answer.
 */
public final class StrictInput {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private StrictInput() {
    }

    /**
     * @param maxIntegerDigits  digits allowed before the point
     * @param maxFractionDigits digits allowed after it
     */
    public static BigDecimal decimal(String field, String text, int maxIntegerDigits, int maxFractionDigits) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (text.length() > maxIntegerDigits + maxFractionDigits + 2 || !PLAIN_DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(field + ": '" + shown(text) + "' is not a plain decimal number of at most "
                    + maxIntegerDigits + " digits before the point and " + maxFractionDigits + " after it (no exponent)");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.precision() - value.scale() > maxIntegerDigits || value.scale() > maxFractionDigits) {
            throw new IllegalArgumentException(field + ": '" + shown(text) + "' has more than " + maxIntegerDigits
                    + " digits before the point or " + maxFractionDigits + " after it");
        }
        return value;
    }

    /** A string of 1 to {@code maxLength} characters, none of them a control character. */
    public static String text(String field, String text, int maxLength) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (text.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException(field + " contains a control character (at position " + (i + 1) + ")");
            }
        }
        return text;
    }

    /** The text as it may appear in an error message: control characters escaped, at most 40 characters. */
    public static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < 40; i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > 40 ? shown + "…" : shown.toString();
    }
}
