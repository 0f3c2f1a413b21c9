package io.otcrouter.quote.config;

import static io.otcrouter.security.ApiKeyAuthentication.scope;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.otcrouter.kafka.deadletter.DeadLetterPaths;
import io.otcrouter.security.ApiSecurity;

/**
 * quote-service serves nothing over HTTP but its actuator and the dead-letter tools: health open, the rest of the
 * actuator for a {@code metrics} key, the dead letters for an {@code ops} key ({@code QUOTE_API_KEYS}), everything
 * else denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain quoteActuator(HttpSecurity http, ApiSecurity apiSecurity) throws Exception {
        return apiSecurity.withApiKeys(http).authorizeHttpRequests(rules -> rules
                .requestMatchers(ApiSecurity.HEALTH).permitAll()
                .requestMatchers("/actuator/**").hasAuthority(scope("metrics"))
                .requestMatchers(DeadLetterPaths.ALL).hasAuthority(scope("ops"))
                .anyRequest().denyAll()).build();
    }
}
