package io.otcrouter.quote.dex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Jupiter's error bodies: the quote API sends {@code {"error", "errorCode"}}, its API gateway
 * {@code {"code", "message"}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JupiterErrorResponse(String error, String errorCode, String message) {

    String text() {
        if (error != null) {
            return error;
        }
        return message;
    }
}
