package io.otcrouter.dashboard.pooladmin;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.otcrouter.dashboard.config.PoolServiceProperties;
import io.otcrouter.dashboard.forwarding.UpstreamAnswer;
import io.otcrouter.dashboard.forwarding.UpstreamRestClient;

/**
 * otc-pool-service's admin API, called server-side for a signed-in admin with the dashboard's own key
 * ({@code X-API-Key}, scopes admin and read): switching a pool on or off and moving its inventory. Every answer,
 * the pool's new state or a refusal, is returned as the pool service gave it; only an unreachable service becomes
 * an exception.
 */
@Component
class PoolAdminClient {

    private static final String SERVICE = "otc-pool-service";
    private static final Logger log = LoggerFactory.getLogger(PoolAdminClient.class);

    private final RestClient http;
    private final PoolServiceProperties properties;

    PoolAdminClient(RestClient.Builder builder, PoolServiceProperties properties) {
        this.properties = properties;
        if (!properties.hasApiKey()) {
            log.warn("No pool service API key configured (POOL_API_KEY): otc-pool-service will refuse every pool change");
        }
        this.http = UpstreamRestClient.create(builder, properties.url(), properties.apiKey(),
                properties.connectTimeout(), properties.readTimeout());
    }

    /** {@code POST /api/pools/{id}/activate} or {@code .../deactivate}. */
    UpstreamAnswer setActive(String poolId, boolean active) {
        try {
            return http.post().uri("/api/pools/{id}/{action}", poolId, active ? "activate" : "deactivate")
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .exchange((request, response) -> UpstreamAnswer.read(SERVICE, response));
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    /** {@code POST /api/pools/{id}/inventory}. */
    UpstreamAnswer adjustInventory(String poolId, InventoryChange change) {
        try {
            return http.post().uri("/api/pools/{id}/inventory", poolId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(change)
                    .exchange((request, response) -> UpstreamAnswer.read(SERVICE, response));
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    private PoolServiceUnavailableException unavailable(ResourceAccessException e) {
        Throwable cause = e.getCause() instanceof IOException io ? io : e;
        return new PoolServiceUnavailableException(SERVICE + " at " + properties.url() + " did not answer ("
                + cause.getClass().getSimpleName() + ")", e);
    }
}
