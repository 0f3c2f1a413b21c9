package io.otcrouter.otcpool.admin;

import java.util.List;

/** Bad admin input; carries every problem found, and nothing was changed. */
public class InvalidPoolRequestException extends RuntimeException {

    private final List<String> errors;

    InvalidPoolRequestException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
