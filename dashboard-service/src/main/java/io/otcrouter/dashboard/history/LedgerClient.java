package io.otcrouter.dashboard.history;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import io.otcrouter.dashboard.config.LedgerClientProperties;
import io.otcrouter.dashboard.forwarding.UpstreamAnswer;
import io.otcrouter.dashboard.forwarding.UpstreamRestClient;

/**
 * ledger-service's trade history, called server-side for a signed-in person with the dashboard's own key
 * ({@code X-API-Key}, scope read): a page of the filtered history, and the CSV export of the filtered set, streamed
 * through to the browser as the ledger writes it. A refusal (a filter the ledger does not accept) is returned as the
 * ledger gave it; only an unreachable ledger becomes an exception.
 */
@Component
class LedgerClient {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String SERVICE = "ledger-service";
    private static final Logger log = LoggerFactory.getLogger(LedgerClient.class);

    private final RestClient pages;
    private final RestClient exports;
    private final LedgerClientProperties properties;

    LedgerClient(RestClient.Builder builder, LedgerClientProperties properties) {
        this.properties = properties;
        if (!properties.hasApiKey()) {
            log.warn("No ledger API key configured (LEDGER_API_KEY): ledger-service will refuse the trade history");
        }
        this.pages = UpstreamRestClient.create(builder.clone(), properties.url(), properties.apiKey(),
                properties.connectTimeout(), properties.readTimeout());
        this.exports = UpstreamRestClient.create(builder.clone(), properties.url(), properties.apiKey(),
                properties.connectTimeout(), properties.exportTimeout());
    }

    /** {@code GET /api/ledger/history} with the page's parameters. */
    UpstreamAnswer page(Map<String, String> parameters) {
        try {
            return pages.get().uri(uri -> query(uri.path("/api/ledger/history"), parameters))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .exchange((request, response) -> UpstreamAnswer.read(SERVICE, response));
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    /**
     * {@code GET /api/ledger/history.csv}: a CSV answer is copied to {@code target} as it arrives; anything else is
     * thrown as a {@link LedgerRefusalException} before a byte is written.
     */
    void export(Map<String, String> filters, String filename, HttpServletResponse target) {
        try {
            exports.get().uri(uri -> query(uri.path("/api/ledger/history.csv"), filters))
                    .accept(CSV, MediaType.APPLICATION_PROBLEM_JSON)
                    .exchange((request, response) -> {
                        MediaType type = response.getHeaders().getContentType();
                        if (response.getStatusCode().value() != 200 || type == null || !CSV.isCompatibleWith(type)) {
                            throw new LedgerRefusalException(UpstreamAnswer.read(SERVICE, response));
                        }
                        target.setContentType("text/csv;charset=UTF-8");
                        target.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
                        try (InputStream body = response.getBody()) {
                            body.transferTo(target.getOutputStream());
                        }
                        return true;
                    });
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    /** Values go in as URI variables, so each is encoded whole: a '+' or '&' stays part of its value. */
    private static java.net.URI query(UriBuilder uri, Map<String, String> parameters) {
        parameters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.build(parameters);
    }

    private LedgerUnavailableException unavailable(ResourceAccessException e) {
        Throwable cause = e.getCause() instanceof IOException io ? io : e;
        return new LedgerUnavailableException(SERVICE + " at " + properties.url() + " did not answer ("
                + cause.getClass().getSimpleName() + ")", e);
    }
}
