package io.otcrouter.ledger.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.security.apidocs.ApiDocs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** What the ledger API's OpenAPI description says about itself; the operations come from LedgerController. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDescriptionConfig {

    @Bean
    OpenAPI ledgerApiDescription() {
        return new OpenAPI()
                .info(new Info().title("OTC Liquidity Router: ledger API").version("v1").description("""
                        The system of record: every trade the router decided, with its legs as the venues executed \
                        them and its settlement, statistics and analytics. Amounts carry atomic and token units as \
                        strings, other decimals are strings too (exact). Every refusal is application/problem+json \
                        (RFC 9457) naming what is wrong."""))
                .components(new Components().addSecuritySchemes(ApiDocs.API_KEY,
                        ApiDocs.apiKeyScheme("LEDGER_API_KEYS")));
    }
}
