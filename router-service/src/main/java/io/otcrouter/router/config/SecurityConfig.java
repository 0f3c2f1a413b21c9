package io.otcrouter.router.config;

import static io.otcrouter.security.ApiKeyAuthentication.scope;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAnyAuthority;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAuthority;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import io.otcrouter.router.api.ApiPaths;
import io.otcrouter.router.api.OnBehalfOf;
import io.otcrouter.router.security.ApiCaller;
import io.otcrouter.kafka.deadletter.DeadLetterPaths;
import io.otcrouter.security.ApiSecurity;
import io.otcrouter.security.ProblemResponses;
import io.otcrouter.security.apidocs.ApiDocs;

/**
 * Who may do what on the router, every rule in this one place, anything else denied. API keys come from
 * {@code ROUTER_API_KEYS}; without any, every route but health answers 401. A request that names a person in
 * {@code X-On-Behalf-Of} needs the {@code delegate} scope besides the route's own.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiSecurity apiSecurity, ProblemResponses problems)
            throws Exception {
        return apiSecurity.withApiKeys(http).authorizeHttpRequests(rules -> rules
                .requestMatchers(ApiSecurity.HEALTH).permitAll()
                .requestMatchers(ApiPaths.TRADE_SUBMISSION).access(delegable(hasAuthority(scope(ApiCaller.TRADE))))
                .requestMatchers(ApiPaths.QUOTE).access(delegable(hasAuthority(scope(ApiCaller.TRADE))))
                // With only the trade scope, a key sees the trades it submitted (TradeController answers 404 for
                // the others); read sees every trade.
                .requestMatchers(ApiPaths.TRADE).access(delegable(
                        hasAnyAuthority(scope(ApiCaller.TRADE), scope(ApiCaller.READ))))
                // The API's description: for whoever may use the API.
                .requestMatchers(HttpMethod.GET, ApiDocs.DESCRIPTION)
                        .hasAnyAuthority(scope(ApiCaller.TRADE), scope(ApiCaller.READ))
                .requestMatchers("/actuator/**").hasAuthority(scope(ApiCaller.METRICS))
                .requestMatchers(DeadLetterPaths.ALL).hasAuthority(scope("ops"))
                .anyRequest().denyAll())
                .exceptionHandling(errors -> errors.accessDeniedHandler(namingDelegation(problems)))
                .build();
    }

    /**
     * No Micrometer observation per security filter, authentication or authorization (issue 17: wrapping each of
     * the chain's filters in an observation was 8.5 % of the router's CPU). Without this bean Spring Security
     * decorates the chain whenever an observation registry exists; the HTTP server observation
     * ({@code http.server.requests}) still times every request.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The route's rule and, when the request names a person to act for, the delegate scope. */
    private static AuthorizationManager<RequestAuthorizationContext> delegable(
            AuthorizationManager<RequestAuthorizationContext> route) {
        AuthorizationManager<RequestAuthorizationContext> delegation = (authentication, context) ->
                new AuthorizationDecision(!OnBehalfOf.isClaimed(context.getRequest())
                        || mayDelegate(authentication.get()));
        return AuthorizationManagers.allOf(route, delegation);
    }

    /** The shared 403, except that a refused X-On-Behalf-Of is named as the reason. */
    private static AccessDeniedHandler namingDelegation(ProblemResponses problems) {
        return (request, response, denied) -> {
            if (OnBehalfOf.isClaimed(request)
                    && !(request.getUserPrincipal() instanceof Authentication caller && mayDelegate(caller))) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "Not allowed to act on behalf of someone",
                        "Only an API key with the delegate scope may send " + OnBehalfOf.HEADER);
                return;
            }
            problems.handle(request, response, denied);
        };
    }

    private static boolean mayDelegate(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> scope(ApiCaller.DELEGATE).equals(authority.getAuthority()));
    }
}
