package io.otcrouter.dashboard.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where ledger-service's query API lives, called server-side for the trade history page.
 *
 * @param url            base URL of ledger-service ({@code LEDGER_URL})
 * @param apiKey         sent as {@code X-API-Key} ({@code LEDGER_API_KEY}): a key the ledger accepts with the scope
 *                       read; blank means none, and the ledger refuses the history
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for one page of the history
 * @param exportTimeout  how long a CSV export may take in all: it streams the whole filtered ledger
 */
@ConfigurationProperties(prefix = "otc.ledger")
public record LedgerClientProperties(@DefaultValue("http://localhost:8085") URI url, String apiKey,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("10m") Duration exportTimeout) implements UpstreamProperties {

    @Override
    public String toString() {
        return UpstreamProperties.withoutKey("LedgerClientProperties", this);
    }
}
