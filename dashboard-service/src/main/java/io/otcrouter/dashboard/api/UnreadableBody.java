package io.otcrouter.dashboard.api;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import io.otcrouter.security.input.StrictInput;

/**
 * Why a JSON body was refused, in words that name the field and never echo more of the body than a field name
 * (the parser's own message may quote the input).
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return "Unknown field '" + StrictInput.shown(String.valueOf(unknown.getPropertyName()))
                        + "': the body may only hold the documented fields";
            }
            if (cause instanceof StreamConstraintsException) {
                return "The body exceeds the JSON limits (nesting depth, number or text length)";
            }
            if (cause instanceof StreamReadException) {
                return "The body is not well-formed JSON, or repeats a field";
            }
            if (cause instanceof JacksonException json) {
                String path = path(json);
                return path.isEmpty()
                        ? "The body is not one JSON object of the documented shape"
                        : "Field '" + StrictInput.shown(path) + "' has the wrong type or form (no silent conversion:"
                                + " a number where a number belongs, text where text belongs)";
            }
        }
        return "A JSON body is required";
    }

    private static String path(JacksonException json) {
        return json.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
