package io.otcrouter.otcpool.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.security.apidocs.ApiDocs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** What the pool admin API's OpenAPI description says about itself; the operations come from PoolController. */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfig {

    @Bean
    OpenAPI poolApiDescription() {
        return new OpenAPI()
                .info(new Info().title("OTC Liquidity Router: pool admin API").version("v1").description("""
                        The OTC pools that quote firm prices to the router: their terms, inventory and state. \
                        Amounts are decimal strings in token units. Every change answers the pool's new state; \
                        every refusal is application/problem+json (RFC 9457) naming what is wrong, having changed \
                        nothing."""))
                .components(new Components().addSecuritySchemes(ApiDocs.API_KEY,
                        ApiDocs.apiKeyScheme("POOL_API_KEYS")));
    }
}
