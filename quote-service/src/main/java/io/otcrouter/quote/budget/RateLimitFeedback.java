package io.otcrouter.quote.budget;

/** What Jupiter said about the budget in one response: its status and raw {@code x-ratelimit-*} headers. */
@FunctionalInterface
public interface RateLimitFeedback {

    RateLimitFeedback NONE = (httpStatus, remaining, reset) -> {
    };

    /**
     * @param remainingHeader {@code x-ratelimit-remaining}, or null when absent
     * @param resetHeader     {@code x-ratelimit-reset}, or null when absent
     */
    void onResponse(int httpStatus, String remainingHeader, String resetHeader);

    /** Jupiter could not be reached or failed on its side (timeout, connection error, 5xx). */
    default void onOutage(String why) {
    }
}
