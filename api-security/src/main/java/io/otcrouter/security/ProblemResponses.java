package io.otcrouter.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * The trust boundary's answers as {@code application/problem+json}: 400 for a path the firewall refuses, 401 for a
 * missing or unknown credential, 403 for a credential without the scope or role the route needs. They name what is
 * wrong and never echo a credential.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\"");
        boolean presented = request.getHeader(API_KEY_HEADER) != null;
        write(request, response, HttpStatus.UNAUTHORIZED, presented ? "API key not accepted" : "Credentials required",
                presented ? "The key in the " + API_KEY_HEADER + " header is not one this service accepts"
                        : "This request needs a credential: an API key in the " + API_KEY_HEADER + " header");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
                "The credential is valid but does not allow " + request.getMethod() + " on this path");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        // Not the firewall's message: for a header with a control character it quotes the whole value, a key perhaps.
        log.info("Refused a malformed request to {} {}", request.getMethod(), request.getRequestURI().length() > 200
                ? request.getRequestURI().substring(0, 200) + "…" : request.getRequestURI());
        write(request, response, HttpStatus.BAD_REQUEST, "Malformed request path",
                "The request path must be spelled plainly: no percent-encoding, path parameters (;), dot segments or"
                        + " double slashes");
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
