package io.otcrouter.dashboard.config;

import java.net.URI;
import java.time.Duration;

/** Where a service the dashboard calls server-side lives, and the API key it sends there. */
public interface UpstreamProperties {

    URI url();

    String apiKey();

    Duration connectTimeout();

    Duration readTimeout();

    default boolean hasApiKey() {
        return apiKey() != null && !apiKey().isBlank();
    }

    /** The record's text without the key: configuration records end up in logs and failure reports. */
    static String withoutKey(String name, UpstreamProperties properties) {
        return name + "[url=" + properties.url() + ", apiKey=" + (properties.hasApiKey() ? "(set)" : "(none)") + "]";
    }
}
