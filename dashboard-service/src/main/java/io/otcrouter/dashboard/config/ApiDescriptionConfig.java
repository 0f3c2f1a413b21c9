package io.otcrouter.dashboard.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.dashboard.api.ApiAccess;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What the description of the dashboard's JSON API says about itself; the operations come from its controllers. A
 * person's session (after signing in at /login) or HTTP Basic with the same user (reads only) is the credential.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfig {

    @Bean
    OpenAPI dashboardApiDescription() {
        return new OpenAPI()
                .info(new Info().title("OTC Liquidity Router: dashboard JSON API").version("v1").description("""
                        What the dashboard's pages read (the read model, live over Server-Sent Events) and the \
                        changes they make, forwarded to the router and the pool service in the signed-in person's \
                        name. Roles: viewer < trader < admin; each route's security requirement names the least \
                        role. A change (POST) needs the CSRF token of a page of the session in the X-CSRF-TOKEN \
                        header, and comes from the dashboard's own origin. Every refusal is \
                        application/problem+json (RFC 9457) naming what is wrong."""))
                .components(new Components()
                        .addSecuritySchemes(ApiAccess.SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The session cookie of a person signed in with the form at /login"))
                        .addSecuritySchemes(ApiAccess.BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A dashboard user's name and password, for scripts;"
                                        + " each request on its own, no session")));
    }
}
