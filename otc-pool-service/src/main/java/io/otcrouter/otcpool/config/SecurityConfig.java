package io.otcrouter.otcpool.config;

import static io.otcrouter.security.ApiKeyAuthentication.scope;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.otcrouter.kafka.deadletter.DeadLetterPaths;
import io.otcrouter.security.ApiSecurity;
import io.otcrouter.security.apidocs.ApiDocs;

/**
 * Who may do what on this service, in one place, denied unless a rule below allows it. API keys come from
 * {@code POOL_API_KEYS} with the scopes {@code admin} (everything on the pool API), {@code read} (look at pools),
 * {@code metrics} (actuator beyond health) and {@code ops} (the dead-letter tools). Paths are matched as spelled;
 * any other spelling of them (trailing slash, other case) falls through to the denial, and ambiguous ones never get
 * past the shared firewall.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String ADMIN = scope("admin");

    @Bean
    SecurityFilterChain poolApiSecurity(HttpSecurity http, ApiSecurity apiSecurity) {
        return apiSecurity.withApiKeys(http).authorizeHttpRequests(rules -> rules
                .requestMatchers(ApiSecurity.HEALTH).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/pools", "/api/pools/{id}")
                        .hasAnyAuthority(scope("read"), ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/pools").hasAuthority(ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/pools/{id}").hasAuthority(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/pools/{id}/activate", "/api/pools/{id}/deactivate",
                        "/api/pools/{id}/inventory").hasAuthority(ADMIN)
                // The API's description: for whoever may use the API.
                .requestMatchers(HttpMethod.GET, ApiDocs.DESCRIPTION).hasAnyAuthority(scope("read"), ADMIN)
                .requestMatchers("/actuator/**").hasAuthority(scope("metrics"))
                .requestMatchers(DeadLetterPaths.ALL).hasAuthority(scope("ops"))
                .anyRequest().denyAll())
                .build();
    }
}
