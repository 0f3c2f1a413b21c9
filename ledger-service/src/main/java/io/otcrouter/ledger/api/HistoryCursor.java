package io.otcrouter.ledger.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.otcrouter.ledger.booking.Trade;
import io.otcrouter.security.input.StrictInput;

/**
 * Where a page of the trade history ends: the (decision time, row id) of its first or last trade, the history's sort
 * key (newest first, the row id breaking ties). Sent to clients as an opaque token; clients only hand it back.
 */
record HistoryCursor(Instant decidedAt, long id) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern KEY = Pattern.compile("(\\d{1,12})\\.(\\d{1,9})\\.(\\d{1,19})");

    static HistoryCursor of(Trade trade) {
        return new HistoryCursor(trade.getDecidedAt(), trade.getId());
    }

    String token() {
        String key = decidedAt.getEpochSecond() + "." + decidedAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidQueryException naming {@code parameter} when the token is not one this API handed out */
    static HistoryCursor parse(String parameter, String token) {
        Matcher key = TOKEN.matcher(token).matches() ? KEY.matcher(decoded(token)) : null;
        if (key == null || !key.matches()) {
            throw new InvalidQueryException(parameter, parameter + " must be a cursor from a page of this history"
                    + " (its next or previous), got '" + StrictInput.shown(token) + "'");
        }
        try {
            return new HistoryCursor(Instant.ofEpochSecond(Long.parseLong(key.group(1)), Long.parseLong(key.group(2))),
                    Long.parseLong(key.group(3)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new InvalidQueryException(parameter, parameter + " is not a cursor of this history");
        }
    }

    private static String decoded(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
