package io.otcrouter.router.security;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.otcrouter.security.ApiKeyAuthentication;

/**
 * The API key a request was authenticated with, as the router's own code needs it: its id (what rate limits,
 * idempotency keys and trades are kept by) and its scopes. Read from the request's principal, which Spring
 * Security's chain has set by the time a router filter or controller sees the request.
 *
 * @param keyId  the key's id from {@code ROUTER_API_KEYS}, never the key
 * @param scopes what the key may do: {@link #TRADE}, {@link #READ}, {@link #DELEGATE}, {@link #METRICS}
 */
public record ApiCaller(String keyId, Set<String> scopes) {

    /** Submit trades, ask for quotes, read the trades it submitted. */
    public static final String TRADE = "trade";
    /** Read any trade. */
    public static final String READ = "read";
    /** Submit on behalf of a signed-in person ({@code X-On-Behalf-Of}): the dashboard's key. */
    public static final String DELEGATE = "delegate";
    /** Actuator endpoints beyond health. */
    public static final String METRICS = "metrics";

    public ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    /**
     * @throws IllegalStateException when the request carries no API key: only a route that the access rules leave
     *                               open could get here so, and none of the router's filters or handlers is one
     */
    public static ApiCaller of(HttpServletRequest request) {
        if (request.getUserPrincipal() instanceof Authentication authentication && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return new ApiCaller(authentication.getName(), authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority != null && authority.startsWith(ApiKeyAuthentication.SCOPE_PREFIX))
                    .map(authority -> authority.substring(ApiKeyAuthentication.SCOPE_PREFIX.length()))
                    .collect(Collectors.toSet()));
        }
        throw new IllegalStateException("No API key on " + request.getMethod() + " " + request.getRequestURI()
                + ": it must be authenticated by the security filter chain first");
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
