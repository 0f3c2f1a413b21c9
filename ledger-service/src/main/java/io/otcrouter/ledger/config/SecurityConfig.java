package io.otcrouter.ledger.config;

import static io.otcrouter.security.ApiKeyAuthentication.scope;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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
 * {@code LEDGER_API_KEYS} with the scopes {@code read} (the ledger API: every trade, statistics, analytics),
 * {@code metrics} (actuator beyond health) and {@code ops} (the dead-letter tools). Paths are matched as spelled;
 * any other spelling (trailing slash, other case) falls through to the denial, and ambiguous ones never get past the
 * shared firewall. Not there at all when the ledger runs as the rebuild command, which serves nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    @Bean
    SecurityFilterChain ledgerApiSecurity(HttpSecurity http, ApiSecurity apiSecurity) {
        return apiSecurity.withApiKeys(http).authorizeHttpRequests(rules -> rules
                .requestMatchers(ApiSecurity.HEALTH).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/ledger/**").hasAuthority(scope("read"))
                // The API's description: for whoever may use the API.
                .requestMatchers(HttpMethod.GET, ApiDocs.DESCRIPTION).hasAuthority(scope("read"))
                .requestMatchers("/actuator/**").hasAuthority(scope("metrics"))
                .requestMatchers(DeadLetterPaths.ALL).hasAuthority(scope("ops"))
                .anyRequest().denyAll())
                .build();
    }
}
