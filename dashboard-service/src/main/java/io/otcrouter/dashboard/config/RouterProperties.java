package io.otcrouter.dashboard.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where router-service's HTTP API lives; the dashboard calls it server-side so the browser keeps a single origin.
 *
 * @param url            base URL of router-service ({@code ROUTER_URL})
 * @param apiKey         sent as {@code X-API-Key} when set ({@code ROUTER_API_KEY}); blank means none
 * @param connectTimeout how long to wait for a connection to the router
 * @param readTimeout    how long to wait for its answer: a quote waits for every venue, so allow some seconds
 */
@ConfigurationProperties(prefix = "otc.router")
public record RouterProperties(@DefaultValue("http://localhost:8081") URI url, String apiKey,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }
}
