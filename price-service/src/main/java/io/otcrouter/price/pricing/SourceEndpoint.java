package io.otcrouter.price.pricing;

import java.time.Duration;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Where a price source answers and how long a call to it may take: each source's properties are one. */
public interface SourceEndpoint {

    String baseUrl();

    Duration connectTimeout();

    Duration readTimeout();

    /** A client of this endpoint built from Boot's builder (a copy: the shared builder is left as it was). */
    default RestClient.Builder restClient(RestClient.Builder builder) {
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(connectTimeout());
        requestFactory.setReadTimeout(readTimeout());
        return builder.clone().baseUrl(baseUrl()).requestFactory(requestFactory);
    }
}
