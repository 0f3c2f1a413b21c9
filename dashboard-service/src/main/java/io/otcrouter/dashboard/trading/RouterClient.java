package io.otcrouter.dashboard.trading;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.otcrouter.dashboard.config.RouterProperties;

/**
 * router-service's trade API, called server-side on behalf of the browser: indicative quotes and trade
 * submissions. Every answer, success or refusal, is returned as the router gave it; only an unreachable router
 * becomes an exception.
 */
@Component
public class RouterClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String API_KEY = "X-API-Key";

    private final RestClient http;
    private final RouterProperties properties;

    RouterClient(RestClient.Builder builder, RouterProperties properties) {
        this.properties = properties;
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requestFactory.setReadTimeout(properties.readTimeout());
        this.http = builder.baseUrl(properties.url().toString()).requestFactory(requestFactory)
                .defaultHeaders(headers -> {
                    if (properties.hasApiKey()) {
                        headers.set(API_KEY, properties.apiKey());
                    }
                })
                .build();
    }

    /** {@code GET /api/quote}: what the router would do, without executing. */
    RouterAnswer quote(TradeForm form) {
        try {
            return http.get()
                    .uri(uri -> uri.path("/api/quote")
                            .queryParamIfPresent("inputToken", Optional.ofNullable(form.inputToken()))
                            .queryParamIfPresent("outputToken", Optional.ofNullable(form.outputToken()))
                            .queryParamIfPresent("amount", Optional.ofNullable(form.amount()))
                            .queryParamIfPresent("slippageBps", Optional.ofNullable(form.slippageBps()))
                            .build())
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .exchange((request, response) -> new RouterAnswer(response.getStatusCode(),
                            response.getHeaders().getContentType(),
                            StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)));
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    /** {@code POST /api/trades} with the page's idempotency key, so a double click books one trade. */
    RouterAnswer submit(TradeForm form, String idempotencyKey) {
        try {
            return http.post().uri("/api/trades")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .headers(headers -> {
                        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                            headers.set(IDEMPOTENCY_KEY, idempotencyKey);
                        }
                    })
                    .body(form)
                    .exchange((request, response) -> new RouterAnswer(response.getStatusCode(),
                            response.getHeaders().getContentType(),
                            StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)));
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    private RouterUnavailableException unavailable(ResourceAccessException e) {
        Throwable cause = e.getCause() instanceof IOException io ? io : e;
        return new RouterUnavailableException("router-service at " + properties.url() + " did not answer ("
                + cause.getClass().getSimpleName() + ")", e);
    }
}
