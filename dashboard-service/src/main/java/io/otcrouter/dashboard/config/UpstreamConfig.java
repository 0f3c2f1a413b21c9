package io.otcrouter.dashboard.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The services the dashboard calls server-side with its own credentials, on behalf of a signed-in person:
 * router-service (quotes and trades), otc-pool-service (pool admin) and ledger-service (trade history).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RouterClientProperties.class, PoolServiceProperties.class,
        LedgerClientProperties.class})
class UpstreamConfig {
}
