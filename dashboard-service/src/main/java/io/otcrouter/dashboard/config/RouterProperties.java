package io.otcrouter.dashboard.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where router-service's HTTP API lives; the dashboard calls it server-side so the browser keeps a single origin.
 *
 * @param url base URL of router-service ({@code ROUTER_URL})
 */
@ConfigurationProperties(prefix = "otc.router")
public record RouterProperties(@DefaultValue("http://localhost:8081") URI url) {
}
