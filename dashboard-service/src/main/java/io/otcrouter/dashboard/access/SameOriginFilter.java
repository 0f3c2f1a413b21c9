package io.otcrouter.dashboard.access;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.otcrouter.security.ProblemResponses;

/**
 * Refuses a state change (any method but GET, HEAD, OPTIONS, TRACE) that a browser says came from another origin:
 * an {@code Origin} header other than the dashboard's own, or {@code Sec-Fetch-Site: cross-site} / {@code same-site}.
 * A second wall next to the CSRF token: a forged form post or fetch from another page fails here even if a token
 * leaked. Requests without these headers (curl, older browsers) are left to the CSRF check. The dashboard's own
 * origin is the one the request was addressed to; behind a TLS-terminating proxy, let Spring read the forwarded
 * headers ({@code server.forward-headers-strategy}) so scheme and host are the ones the browser used.
 * Not a bean: {@code SecurityConfig} places it in the security filter chain, in front of the CSRF check.
 */
public final class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

    private final ProblemResponses problems;

    public SameOriginFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            String site = request.getHeader("Sec-Fetch-Site");
            if (site != null && FOREIGN_SITES.contains(site.toLowerCase(Locale.ROOT))) {
                refuse(request, response, "The browser marked this request as coming from another site");
                return;
            }
            String origin = request.getHeader("Origin");
            if (origin != null && !isOwnOrigin(origin, request)) {
                refuse(request, response, "The request comes from another origin than the dashboard's own");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "Cross-site request refused",
                detail + ": changes are accepted only from the dashboard's own pages");
    }

    /** Scheme, host and port of {@code Origin} equal to those the request was sent to ("null" never is). */
    static boolean isOwnOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = URI.create(origin.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port(scheme, uri.getPort()) == request.getServerPort();
    }

    private static int port(String scheme, int port) {
        if (port != -1) {
            return port;
        }
        return "https".equals(scheme) ? 443 : 80;
    }
}
