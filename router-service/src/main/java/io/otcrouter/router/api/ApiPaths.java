package io.otcrouter.router.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;

/** Which requests the write guards (API key, body limit, idempotency) apply to. */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** A request that changes something: any method but GET, HEAD and OPTIONS, under {@code /api/}. */
    public static boolean isApiWrite(HttpServletRequest request) {
        String method = request.getMethod();
        boolean read = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)
                || HttpMethod.OPTIONS.matches(method);
        return !read && request.getRequestURI().startsWith("/api/");
    }

    public static boolean isTradeSubmission(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod()) && "/api/trades".equals(request.getRequestURI());
    }
}
