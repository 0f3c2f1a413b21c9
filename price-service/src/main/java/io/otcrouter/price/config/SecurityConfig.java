package io.otcrouter.price.config;

import static io.otcrouter.security.ApiKeyAuthentication.scope;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.otcrouter.kafka.deadletter.DeadLetterPaths;
import io.otcrouter.security.ApiSecurity;

/** Who may ask price-service what: every route, deny by default. Keys: {@code PRICE_API_KEYS}. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain priceApi(HttpSecurity http, ApiSecurity apiSecurity) throws Exception {
        return apiSecurity.withApiKeys(http).authorizeHttpRequests(rules -> rules
                .requestMatchers(ApiSecurity.HEALTH).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/prices").hasAuthority(scope("read"))
                .requestMatchers("/actuator/**").hasAuthority(scope("metrics"))
                .requestMatchers(DeadLetterPaths.ALL).hasAuthority(scope("ops"))
                .anyRequest().denyAll()).build();
    }
}
