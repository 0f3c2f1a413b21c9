package io.otcrouter.router.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.security.apidocs.ApiDocs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** What the trade API's OpenAPI description says about itself; the operations come from TradeController. */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfig {

    @Bean
    OpenAPI tradeApiDescription() {
        return new OpenAPI()
                .info(new Info().title("OTC Liquidity Router: trade API").version("v1").description("""
                        Submit a swap of one Solana token for another; the router asks every venue (Jupiter, the OTC \
                        pools) for a quote, routes it to the venue or split that gives the most output, executes it \
                        on paper and follows it to its settlement in the ledger. Amounts are decimal strings in \
                        token units. Every refusal is application/problem+json (RFC 9457) naming what is wrong."""))
                .components(new Components().addSecuritySchemes(ApiDocs.API_KEY,
                        ApiDocs.apiKeyScheme("ROUTER_API_KEYS")));
    }
}
