package io.otcrouter.router.config;

import static io.otcrouter.security.ApiKeyAuthentication.scope;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.otcrouter.router.api.ApiPaths;
import io.otcrouter.router.security.ApiCaller;
import io.otcrouter.security.ApiSecurity;

/**
 * Who may do what on the router, every rule in this one place, anything else denied. API keys come from
 * {@code ROUTER_API_KEYS}; without any, every route but health answers 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiSecurity apiSecurity) throws Exception {
        return apiSecurity.withApiKeys(http).authorizeHttpRequests(rules -> rules
                // Boot's error page, for a request that passed these rules and then failed in its handler.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(ApiSecurity.HEALTH).permitAll()
                .requestMatchers(ApiPaths.TRADE_SUBMISSION).hasAuthority(scope(ApiCaller.TRADE))
                .requestMatchers(ApiPaths.QUOTE).hasAuthority(scope(ApiCaller.TRADE))
                // With only the trade scope, a key sees the trades it submitted (TradeController answers 404 for
                // the others); read sees every trade.
                .requestMatchers(ApiPaths.TRADE).hasAnyAuthority(scope(ApiCaller.TRADE), scope(ApiCaller.READ))
                .requestMatchers("/actuator/**").hasAuthority(scope(ApiCaller.METRICS))
                .anyRequest().denyAll()).build();
    }
}
