package io.otcrouter.testsupport.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Judges what a page of one origin did, from the DevTools network events and console entries of its tab, and
 * ignores what the browser did on its own.
 *
 * <p>A request is the page's when the page's document, scripts or styles initiated it: its URL, the document it
 * was made for, or its initiator (the parsing document or stylesheet, or any script on the initiator's stack) is of
 * the page's origin. Everything else — the browser's start page, its account, component and update services, a
 * request DevTools never announced — is the browser's and is not the page's failure, whatever Chromium version makes
 * it. The page's failures, each naming the URL and the reason:
 * <ul>
 * <li>any request to another origin (a CDN, a font host), whether or not it succeeded: the dashboard must work
 * offline;</li>
 * <li>an HTTP answer of 400 or more;</li>
 * <li>a load that failed (refused, blocked, not resolved), unless the page itself cancelled it;</li>
 * <li>a console error logged by the page's origin;</li>
 * <li>anything the page's Content-Security-Policy blocked (Chromium logs those with the source {@code security}, not
 * the page's URL, so {@link BrowserSession} records them from the page's {@code securitypolicyviolation} events).</li>
 * </ul>
 * Not thread-safe: one instance per browser session.
 */
public final class PageFailures {

    private static final Set<String> LOCAL_SCHEMES = Set.of("data", "blob", "about");

    private final String origin;
    private final Map<String, Request> pageRequests = new HashMap<>();
    private final List<String> failures = new ArrayList<>();

    /** @param pageUrl any URL of the page's origin, for example its base URL */
    public PageFailures(String pageUrl) {
        this.origin = originOf(pageUrl);
        if (origin == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + pageUrl);
        }
    }

    /** Takes one DevTools event ({@code {"method": ..., "params": ...}}) from the tab's performance log. */
    public void onDevToolsEvent(JsonNode event) {
        JsonNode params = event.path("params");
        String requestId = params.path("requestId").asString("");
        switch (event.path("method").asString("")) {
            case "Network.requestWillBeSent" -> onRequest(requestId, params);
            case "Network.responseReceived" -> {
                Request request = pageRequests.get(requestId);
                int status = params.path("response").path("status").asInt();
                if (request != null && status >= 400) {
                    failures.add("HTTP " + status + " for " + request);
                }
            }
            case "Network.loadingFailed" -> {
                Request request = pageRequests.get(requestId);
                if (request != null && !params.path("canceled").asBoolean(false)) {
                    String blocked = params.path("blockedReason").asString("");
                    failures.add("failed " + request + ": " + params.path("errorText").asString("(no reason given)")
                            + (blocked.isEmpty() ? "" : " (blocked: " + blocked + ")"));
                }
            }
            default -> {
                // Other events (data received, page lifecycle) say nothing about failures.
            }
        }
    }

    /**
     * Takes one console error of the tab ({@code "<source URL> <line>:<column> <text>"}, as Chromium logs it); only
     * errors whose source is of the page's origin count.
     */
    public void onConsoleError(String message) {
        if (message.contains(" - Failed to load resource: ")) {
            // The console's echo of a failed load, which the network events already report with method and type.
            return;
        }
        int space = message.indexOf(' ');
        if (origin.equals(originOf(space < 0 ? message : message.substring(0, space)))) {
            failures.add("console error: " + message);
        }
    }

    /** Takes one {@code securitypolicyviolation} of the page, as "directive blocked URI in document". */
    public void onCspViolation(String violation) {
        failures.add("content security policy: " + violation);
    }

    /** The failures seen since the last call, in the order they happened. */
    public List<String> drain() {
        List<String> drained = List.copyOf(failures);
        failures.clear();
        return drained;
    }

    private void onRequest(String requestId, JsonNode params) {
        String url = params.path("request").path("url").asString("");
        if (!initiatedByThePage(url, params)) {
            return;
        }
        Request request = new Request(params.path("request").path("method").asString("GET"), url,
                params.path("type").asString("Other"));
        // A redirect re-announces the same request id with the new URL: the latest URL is the one that failed.
        pageRequests.put(requestId, request);
        String scheme = schemeOf(url);
        if (!LOCAL_SCHEMES.contains(scheme) && !origin.equals(originOf(url))) {
            failures.add("request to another origin: " + request + ", initiated by "
                    + initiatorOf(params.path("initiator")) + " on " + params.path("documentURL").asString("?"));
        }
    }

    private boolean initiatedByThePage(String url, JsonNode params) {
        if (origin.equals(originOf(url)) || origin.equals(originOf(params.path("documentURL").asString("")))) {
            return true;
        }
        JsonNode initiator = params.path("initiator");
        if (origin.equals(originOf(initiator.path("url").asString("")))) {
            return true;
        }
        for (JsonNode stack = initiator.path("stack"); !stack.isMissingNode() && !stack.isNull();
                stack = stack.path("parent")) {
            for (JsonNode frame : stack.path("callFrames")) {
                if (origin.equals(originOf(frame.path("url").asString("")))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String initiatorOf(JsonNode initiator) {
        String url = initiator.path("url").asString("");
        if (url.isEmpty()) {
            for (JsonNode frame : initiator.path("stack").path("callFrames")) {
                url = frame.path("url").asString("");
                if (!url.isEmpty()) {
                    break;
                }
            }
        }
        return initiator.path("type").asString("other") + (url.isEmpty() ? "" : " " + url);
    }

    private static String schemeOf(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** {@code scheme://host:port} of an http(s) URL with the port spelled out, or null for anything else. */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Request(String method, String url, String type) {
        @Override
        public String toString() {
            return method + " " + url + " (" + type + ")";
        }
    }
}
