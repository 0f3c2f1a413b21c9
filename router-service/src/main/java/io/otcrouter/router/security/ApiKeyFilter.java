package io.otcrouter.router.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.otcrouter.router.api.ApiPaths;
import io.otcrouter.router.api.ProblemWriter;
import io.otcrouter.router.config.TradeApiProperties;

/**
 * When API keys are configured ({@code ROUTER_API_KEYS}), a write needs one of them in {@code X-API-Key}: 401
 * without, 403 with a wrong one. Reads stay open. Runs first, so an unauthenticated request costs nothing else
 * (its body is not read, its idempotency key not recorded).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final ProblemWriter problems;

    ApiKeyFilter(TradeApiProperties properties, ProblemWriter problems) {
        this.keys = new ApiKeys(properties.apiKeyList());
        this.problems = problems;
        if (properties.requireApiKeys() && !keys.enabled()) {
            throw new IllegalStateException("API keys are required (otc.router.api.require-api-keys) but "
                    + "ROUTER_API_KEYS is empty");
        }
        if (!keys.enabled()) {
            log.warn("ROUTER_API_KEYS is not set: POST /api/trades is open to anyone who can reach this port");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !keys.enabled() || !ApiPaths.isApiWrite(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "API key required",
                    "This request needs an API key in the " + HEADER + " header");
            return;
        }
        if (!keys.matches(presented)) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "API key not accepted",
                    "The API key in the " + HEADER + " header is not valid");
            return;
        }
        chain.doFilter(request, response);
    }
}
