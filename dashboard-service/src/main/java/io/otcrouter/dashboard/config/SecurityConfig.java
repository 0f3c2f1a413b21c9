package io.otcrouter.dashboard.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.otcrouter.dashboard.access.AccessAnswers;
import io.otcrouter.dashboard.access.DashboardUsers;
import io.otcrouter.dashboard.access.Role;
import io.otcrouter.dashboard.access.SameOriginFilter;
import io.otcrouter.kafka.deadletter.DeadLetterPaths;
import io.otcrouter.security.ApiSecurity;
import io.otcrouter.security.BodyLimit;
import io.otcrouter.security.ProblemResponses;
import io.otcrouter.security.apidocs.ApiDocs;

/**
 * Who may do what on the dashboard, in one place, denied unless a rule below allows it. People sign in with a form
 * (users from {@code DASHBOARD_USERS}) and hold a session cookie; roles admin &gt; trader &gt; viewer. Scripts (the
 * load generator, the fault run, curl) may read with the same users' credentials in HTTP Basic, each request on its
 * own, no session. Every change needs the CSRF token of a page of the session and must not come from another origin
 * or site, so a change is always made from the dashboard's own pages; the one exception is an admin's script replaying
 * dead letters with HTTP Basic (kafka-support's dead-letter tools). Pages carry a Content-Security-Policy without
 * inline script or style. Paths are matched as spelled; other spellings fall through to the denial, and ambiguous
 * ones never get past the shared firewall (api-security).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardUsersProperties.class)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none';"
            + " form-action 'self'; base-uri 'none'; object-src 'none'";
    static final String LOGIN_PAGE = "/login";
    /** The pages a person opens; after signing in they land on the one they asked for. */
    static final String[] VIEWER_PAGES = {"/", "/trade", "/analytics", "/pools", "/history", "/trades/{tradeId}"};
    static final String ADMIN_PAGE = "/admin/pools";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    private static final String VIEWER = Role.VIEWER.name();
    private static final String TRADER = Role.TRADER.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http, ProblemResponses problems, BodyLimit bodyLimit) {
        AccessAnswers answers = new AccessAnswers(problems, scriptRequests(), LOGIN_PAGE);
        return http
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(ApiSecurity.HEALTH).permitAll()
                        // The container's forward to /error after a failure, and the dispatch that completes a
                        // stream: both belong to a request that was authorized already. A request for /error
                        // itself is a REQUEST dispatch and stays denied.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        // The sign-in page and what styles it; scripts are for signed-in pages only.
                        .requestMatchers(HttpMethod.GET, LOGIN_PAGE, "/css/**", "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.GET, VIEWER_PAGES).hasRole(VIEWER)
                        .requestMatchers(HttpMethod.GET, "/js/**").hasRole(VIEWER)
                        .requestMatchers(HttpMethod.GET, "/api/stats", "/api/trades", "/api/trades/{tradeId}",
                                "/api/prices", "/api/pools", "/api/analytics", "/api/tokens", "/api/stream")
                                .hasRole(VIEWER)
                        // The whole ledger's trades, from ledger-service with the dashboard's own key.
                        .requestMatchers(HttpMethod.GET, "/api/history", "/api/history.csv").hasRole(VIEWER)
                        // Quotes spend the router's shared Jupiter budget: only for those who may trade.
                        .requestMatchers(HttpMethod.GET, "/api/quote").hasRole(TRADER)
                        .requestMatchers(HttpMethod.POST, "/api/trades").hasRole(TRADER)
                        // The JSON API's description and Swagger UI: for anyone signed in.
                        .requestMatchers(HttpMethod.GET, ApiDocs.DESCRIPTION).hasRole(VIEWER)
                        .requestMatchers(HttpMethod.GET, ApiDocs.SWAGGER_UI).hasRole(VIEWER)
                        .requestMatchers(HttpMethod.GET, ADMIN_PAGE).hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/admin/pools/{poolId}/activate",
                                "/api/admin/pools/{poolId}/deactivate", "/api/admin/pools/{poolId}/inventory")
                                .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasRole(ADMIN)
                        .requestMatchers(DeadLetterPaths.ALL).hasRole(ADMIN)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).failureUrl(LOGIN_PAGE + "?error")
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                // Never challenges with "Basic" (the answers above name the form instead): a browser would open its
                // own password dialog on every 401 of a page's script.
                .httpBasic(basic -> basic.authenticationEntryPoint(answers))
                .requestCache(cache -> cache.requestCache(pageRequests()))
                // CSRF tokens live in the session (Spring's default repository) and reach scripts through the
                // page's <meta name="_csrf">; the same-origin check runs first, so a foreign post is refused as such.
                .addFilterBefore(new SameOriginFilter(problems), CsrfFilter.class)
                // The dead-letter tools are for an admin's script with HTTP Basic; a request that carries its own
                // credentials cannot be forged by another site (it cannot set Authorization without CORS, which the
                // dashboard never allows), so only those skip the token a script cannot have.
                .csrf(csrf -> csrf.ignoringRequestMatchers(withBasicCredentials(DeadLetterPaths.ALL)))
                // Only a request that may reach its handler has its body read, and never more than the limit.
                .addFilterAfter(bodyLimit.filter(), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .build();
    }

    /** admin &gt; trader &gt; viewer: the authorization rules and the navigation bar both read it. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ADMIN).implies(TRADER)
                .role(TRADER).implies(VIEWER)
                .build();
    }

    /** Understands {@code {bcrypt}...}; {@link DashboardUsers} accepts nothing else, so no plain password gets in. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService dashboardUsers(DashboardUsersProperties properties) {
        List<UserDetails> users = DashboardUsers.parse(properties.users());
        if (users.isEmpty()) {
            log.warn("No dashboard users configured (DASHBOARD_USERS): nobody can sign in");
        } else {
            log.info("{} dashboard user(s) may sign in: {}", users.size(),
                    users.stream().map(UserDetails::getUsername).toList());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** Requests made by the pages' scripts and by tools: they get problem+json, never the sign-in page. */
    private static RequestMatcher scriptRequests() {
        return new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
                PathPatternRequestMatcher.pathPattern("/actuator/**"),
                PathPatternRequestMatcher.pathPattern("/v3/api-docs/**"),
                PathPatternRequestMatcher.pathPattern(DeadLetterPaths.ALL));
    }

    /** Requests to {@code path} that present HTTP Basic credentials of their own. */
    private static RequestMatcher withBasicCredentials(String path) {
        RequestMatcher paths = PathPatternRequestMatcher.pathPattern(path);
        return request -> paths.matches(request) && request.getHeader(HttpHeaders.AUTHORIZATION) != null
                && request.getHeader(HttpHeaders.AUTHORIZATION).regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** Only a page someone opened is remembered for after sign-in: not the API, scripts or styles. */
    private static HttpSessionRequestCache pageRequests() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        RequestMatcher[] pages = Stream.concat(Arrays.stream(VIEWER_PAGES), Stream.of(ADMIN_PAGE))
                .map(page -> PathPatternRequestMatcher.pathPattern(HttpMethod.GET, page))
                .toArray(RequestMatcher[]::new);
        cache.setRequestMatcher(new OrRequestMatcher(pages));
        return cache;
    }
}
