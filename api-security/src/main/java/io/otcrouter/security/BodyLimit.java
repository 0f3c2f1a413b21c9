package io.otcrouter.security;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The most a request body may hold ({@code otc.security.max-body-size}, 16 KB unless a service says otherwise).
 * {@link #filter()} goes into the security filter chain after authorization, so only a request that may reach its
 * handler has its body read: declared or streamed chunked, a body over the limit is refused with 413 before
 * anything parses it, and the body read is handed on in memory ({@link CachedBodyRequest}). Not a {@link Filter}
 * bean itself, so Spring Boot does not also register it outside the chain.
 */
public final class BodyLimit {

    private final long maxBytes;
    private final ProblemResponses problems;

    public BodyLimit(DataSize max, ProblemResponses problems) {
        this.maxBytes = max.toBytes();
        this.problems = problems;
    }

    public Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > maxBytes) {
                    tooLarge(request, response);
                    return;
                }
                byte[] body;
                try (InputStream in = request.getInputStream()) {
                    body = in.readNBytes((int) maxBytes + 1);
                }
                if (body.length > maxBytes) {
                    tooLarge(request, response);
                    return;
                }
                chain.doFilter(new CachedBodyRequest(request, body), response);
            }
        };
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body exceeds the limit of " + maxBytes + " bytes");
    }
}
