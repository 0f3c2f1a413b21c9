package io.otcrouter.dashboard.forwarding;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client for a service the dashboard forwards to: its base URL, bounded connect and read times, and the
 * dashboard's own key for that service in {@code X-API-Key} (none when not configured: the service then refuses).
 */
public final class UpstreamRestClient {

    public static final String API_KEY = "X-API-Key";

    private UpstreamRestClient() {
    }

    public static RestClient create(RestClient.Builder builder, URI url, String apiKey, Duration connectTimeout,
            Duration readTimeout) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requestFactory.setReadTimeout(readTimeout);
        return builder.baseUrl(url.toString()).requestFactory(requestFactory)
                .defaultHeaders(headers -> {
                    if (apiKey != null && !apiKey.isBlank()) {
                        headers.set(API_KEY, apiKey);
                    }
                })
                .build();
    }
}
