package io.otcrouter.dashboard.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where router-service's HTTP API lives; the dashboard calls it server-side so the browser keeps a single origin.
 *
 * @param url            base URL of router-service ({@code ROUTER_URL})
 * @param apiKey         the dashboard's own credential, sent as {@code X-API-Key} ({@code ROUTER_API_KEY}): a key the
 *                       router accepts with the scopes trade, read and delegate (it trades on behalf of the signed-in
 *                       user, named in {@code X-On-Behalf-Of}); blank means none, and the router refuses every trade
 * @param connectTimeout how long to wait for a connection to the router
 * @param readTimeout    how long to wait for its answer: a quote waits for every venue, so allow some seconds
 */
@ConfigurationProperties(prefix = "otc.router")
public record RouterClientProperties(@DefaultValue("http://localhost:8081") URI url, String apiKey,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout)
        implements UpstreamProperties {

    @Override
    public String toString() {
        return UpstreamProperties.withoutKey("RouterClientProperties", this);
    }
}
