package io.otcrouter.dashboard.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where otc-pool-service's admin API lives, called server-side for the pool admin page.
 *
 * @param url            base URL of otc-pool-service ({@code POOL_URL})
 * @param apiKey         sent as {@code X-API-Key} ({@code POOL_API_KEY}): a key the pool service accepts with the
 *                       scopes admin and read; blank means none, and the pool service refuses every change
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for its answer
 */
@ConfigurationProperties(prefix = "otc.pool")
public record PoolServiceProperties(@DefaultValue("http://localhost:8084") URI url, String apiKey,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout)
        implements UpstreamProperties {

    @Override
    public String toString() {
        return UpstreamProperties.withoutKey("PoolServiceProperties", this);
    }
}
