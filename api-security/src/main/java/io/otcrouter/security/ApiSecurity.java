package io.otcrouter.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sets up a service's {@link HttpSecurity} for machine clients with API keys: the key in {@code X-API-Key}
 * authenticated by Spring Security's {@link AuthenticationFilter}, no session, no cookies (so no CSRF to defend),
 * problem+json 401/403, the body limit once a request is authorized ({@link BodyLimit}), and headers for JSON APIs. The service then states its access rules, ending in
 * {@code anyRequest().denyAll()}, in its own {@code SecurityConfig}; the error dispatch of a request already let
 * through is allowed here, before them.
 */
public final class ApiSecurity {

    /** Actuator health, liveness and readiness: open, for orchestrators and the local stack. */
    public static final String[] HEALTH = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    private final AuthenticationManager apiKeys;
    private final ProblemResponses problems;
    private final BodyLimit bodyLimit;

    public ApiSecurity(AuthenticationManager apiKeys, ProblemResponses problems, BodyLimit bodyLimit) {
        this.apiKeys = apiKeys;
        this.problems = problems;
        this.bodyLimit = bodyLimit;
    }

    /** Stateless API-key authentication on {@code http}; add the access rules and build. */
    public HttpSecurity withApiKeys(HttpSecurity http) {
        AuthenticationFilter filter = new AuthenticationFilter(apiKeys, ApiSecurity::presentedKey);
        filter.setSuccessHandler((request, response, authentication) -> {
            // Nothing to do: the request goes on down the chain, authenticated for this request only.
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        return http
                // The container's forward to Boot's error page belongs to a request these rules already let through;
                // denying it would turn a handler's 500 into a misleading 403. A request for /error itself is a
                // REQUEST dispatch and stays under the service's rules.
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterAt(filter, BasicAuthenticationFilter.class)
                .addFilterAfter(bodyLimit.filter(), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }

    /** The key in {@code X-API-Key}, or null when there is none (then the request is anonymous). */
    private static ApiKeyAuthentication presentedKey(HttpServletRequest request) {
        String key = request.getHeader(ProblemResponses.API_KEY_HEADER);
        return key == null ? null : ApiKeyAuthentication.presented(key.strip());
    }
}
