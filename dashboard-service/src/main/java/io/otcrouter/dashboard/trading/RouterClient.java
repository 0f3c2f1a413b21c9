package io.otcrouter.dashboard.trading;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.otcrouter.dashboard.config.RouterClientProperties;
import io.otcrouter.dashboard.forwarding.UpstreamAnswer;
import io.otcrouter.dashboard.forwarding.UpstreamRestClient;

/**
 * router-service's trade API, called server-side on behalf of a signed-in person: indicative quotes and trade
 * submissions. The dashboard authenticates with its own key ({@code X-API-Key}, scopes trade, read and delegate)
 * and names the person in {@code X-On-Behalf-Of}, so the router records the trade as submitted by
 * {@code dashboard-user:<name>}. Every answer, success or refusal, is returned as the router gave it; only an
 * unreachable router becomes an exception.
 */
@Component
public class RouterClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String ON_BEHALF_OF = "X-On-Behalf-Of";
    private static final String SERVICE = "router-service";
    private static final Logger log = LoggerFactory.getLogger(RouterClient.class);

    private final RestClient http;
    private final RouterClientProperties properties;

    RouterClient(RestClient.Builder builder, RouterClientProperties properties) {
        this.properties = properties;
        if (!properties.hasApiKey()) {
            log.warn("No router API key configured (ROUTER_API_KEY): router-service will refuse every quote and trade");
        }
        this.http = UpstreamRestClient.create(builder, properties.url(), properties.apiKey(),
                properties.connectTimeout(), properties.readTimeout());
    }

    /** {@code GET /api/quote}: what the router would do, without executing. */
    UpstreamAnswer quote(TradeForm form, String onBehalfOf) {
        try {
            return http.get()
                    .uri(uri -> uri.path("/api/quote")
                            .queryParamIfPresent("inputToken", Optional.ofNullable(form.inputToken()))
                            .queryParamIfPresent("outputToken", Optional.ofNullable(form.outputToken()))
                            .queryParamIfPresent("amount", Optional.ofNullable(form.amount()))
                            .queryParamIfPresent("slippageBps", Optional.ofNullable(form.slippageBps()))
                            .build())
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .header(ON_BEHALF_OF, onBehalfOf)
                    .exchange((request, response) -> UpstreamAnswer.read(SERVICE, response));
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    /** {@code POST /api/trades} with the page's idempotency key, so a double click books one trade. */
    UpstreamAnswer submit(TradeForm form, String idempotencyKey, String onBehalfOf) {
        try {
            return http.post().uri("/api/trades")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .header(ON_BEHALF_OF, onBehalfOf)
                    .headers(headers -> {
                        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                            headers.set(IDEMPOTENCY_KEY, idempotencyKey);
                        }
                    })
                    .body(form)
                    .exchange((request, response) -> UpstreamAnswer.read(SERVICE, response));
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    private RouterUnavailableException unavailable(ResourceAccessException e) {
        Throwable cause = e.getCause() instanceof IOException io ? io : e;
        return new RouterUnavailableException(SERVICE + " at " + properties.url() + " did not answer ("
                + cause.getClass().getSimpleName() + ")", e);
    }
}
