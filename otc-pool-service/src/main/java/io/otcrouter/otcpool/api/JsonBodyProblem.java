package io.otcrouter.otcpool.api;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

import org.springframework.http.converter.HttpMessageNotReadableException;

import io.otcrouter.security.input.StrictInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in one line, naming the field, why a request body could not be read: the strict, bounded parser refuses
 * unknown fields, a value of the wrong JSON type (no silent coercion), numbers out of range, deep nesting, long
 * numbers, duplicate fields and malformed JSON. Built from the exception's type and path, never by echoing its
 * message, which may quote the input. A bound the parser enforces while reading a token (a number too long) is
 * named, but its field cannot be: the parser raises it without saying where.
 */
final class JsonBodyProblem {

    /** Enough of a path to find the field; a path 32 levels deep says no more. */
    private static final int MAX_PATH_SEGMENTS = 4;

    private JsonBodyProblem() {
    }

    static String describe(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException json)) {
            return "body: required, a JSON object";
        }
        String field = path(json);
        return (field.isEmpty() ? "body" : field) + ": " + reason(json);
    }

    private static String reason(JacksonException json) {
        String message = String.valueOf(json.getOriginalMessage());
        if (json instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (json instanceof InputCoercionException coercion) {
            return "out of range for " + expected(coercion.getTargetType());
        }
        if (message.startsWith("Trailing token")) {
            return "unexpected content after the JSON value";
        }
        if (json instanceof MismatchedInputException mismatch) {
            return "must be " + expected(mismatch.getTargetType());
        }
        if (json instanceof StreamConstraintsException) {
            return limitExceeded(message);
        }
        if (message.startsWith("Duplicate")) {
            return "given twice";
        }
        return "not valid JSON";
    }

    /**
     * {@code sizeTiers[1].addBps}, from the path databind recorded or else (an error of the parser itself, such as
     * a duplicate field or a number too long) from where the parser stood.
     */
    private static String path(JacksonException json) {
        Deque<String> segments = new ArrayDeque<>();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                segments.add("." + StrictInput.shown(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                segments.add("[" + reference.getIndex() + "]");
            }
        }
        boolean ofTheParser = !(json instanceof DatabindException);
        if (segments.isEmpty() && ofTheParser && json.processor() instanceof JsonParser parser) {
            for (TokenStreamContext at = parser.streamReadContext(); at != null && !at.inRoot(); at = at.getParent()) {
                if (at.inObject() && at.currentName() != null) {
                    segments.push("." + StrictInput.shown(at.currentName()));
                } else if (at.inArray()) {
                    segments.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
                }
            }
        }
        StringBuilder path = new StringBuilder();
        segments.stream().limit(MAX_PATH_SEGMENTS).forEach(path::append);
        if (segments.size() > MAX_PATH_SEGMENTS) {
            path.append("…");
        }
        return path.isEmpty() || path.charAt(0) != '.' ? path.toString() : path.substring(1);
    }

    /** Which of the parser's bounds was exceeded; the message names only the bound, never the input. */
    private static String limitExceeded(String message) {
        if (message.startsWith("Number value length")) {
            return "a number longer than 64 characters";
        }
        if (message.startsWith("Document nesting depth")) {
            return "JSON nested deeper than 32 levels";
        }
        if (message.startsWith("String value length")) {
            return "a string longer than 64K characters";
        }
        if (message.startsWith("Name length")) {
            return "a field name longer than 256 characters";
        }
        return "beyond the limits of a request body";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
