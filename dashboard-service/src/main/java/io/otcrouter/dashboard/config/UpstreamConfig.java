package io.otcrouter.dashboard.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The services the dashboard calls server-side with its own credentials, on behalf of a signed-in person:
 * router-service (quotes and trades) and otc-pool-service (pool admin).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RouterClientProperties.class, PoolServiceProperties.class})
class UpstreamConfig {
}
