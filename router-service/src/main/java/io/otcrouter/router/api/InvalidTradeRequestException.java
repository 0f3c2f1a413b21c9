package io.otcrouter.router.api;

import java.util.List;

/** A trade request that cannot be accepted; nothing has been published for it. */
public class InvalidTradeRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidTradeRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
