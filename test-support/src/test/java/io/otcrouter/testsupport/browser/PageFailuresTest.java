package io.otcrouter.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PageFailuresTest {

    private static final String PAGE = "http://localhost:36807";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PageFailures failures = new PageFailures(PAGE);

    @Test
    void shouldNotBlameThePageForTheBrowsersOwnFailedLoadsRecordedFromChromium156() throws IOException {
        // Recorded from Debian's Chromium 156.0.8078.114 on a machine without internet: its start page, then a
        // Document load of its own that fails with ERR_NAME_NOT_RESOLVED and was never announced to the tab, then
        // the dashboard's page, script, fetch and event stream.
        try (InputStream in = getClass().getResourceAsStream("/devtools/chromium-156-start-page-then-dashboard.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                failures.onDevToolsEvent(JSON.readTree(line));
            }
        }

        assertThat(failures.drain()).isEmpty();
    }

    @Test
    void shouldNameAScriptFromAnotherOriginEvenWhenItLoads() {
        failures.onDevToolsEvent(request("1", "https://cdn.jsdelivr.net/npm/chart.js", "Script", PAGE + "/analytics",
                "{\"type\":\"parser\",\"url\":\"" + PAGE + "/analytics\"}"));
        failures.onDevToolsEvent(event("Network.responseReceived", "{\"requestId\":\"1\",\"response\":{\"status\":200}}"));

        assertThat(failures.drain()).containsExactly("request to another origin: GET https://cdn.jsdelivr.net/npm/chart.js"
                + " (Script), initiated by parser " + PAGE + "/analytics on " + PAGE + "/analytics");
    }

    @Test
    void shouldNameAFontThatTheDashboardsStylesheetFetchesFromAFontHost() {
        failures.onDevToolsEvent(request("2", "https://fonts.gstatic.com/s/inter.woff2", "Font", PAGE + "/",
                "{\"type\":\"parser\",\"url\":\"" + PAGE + "/css/dashboard.css\"}"));
        failures.onDevToolsEvent(event("Network.loadingFailed",
                "{\"requestId\":\"2\",\"errorText\":\"net::ERR_NAME_NOT_RESOLVED\",\"canceled\":false}"));

        assertThat(failures.drain()).containsExactly(
                "request to another origin: GET https://fonts.gstatic.com/s/inter.woff2 (Font), initiated by parser "
                        + PAGE + "/css/dashboard.css on " + PAGE + "/",
                "failed GET https://fonts.gstatic.com/s/inter.woff2 (Font): net::ERR_NAME_NOT_RESOLVED");
    }

    @Test
    void shouldBlameTheScriptOnTheStackForAFetchItStartsToAnotherOrigin() {
        failures.onDevToolsEvent(request("3", "https://api.coingecko.com/api/v3/simple/price", "Fetch", "",
                "{\"type\":\"script\",\"stack\":{\"callFrames\":[{\"url\":\"" + PAGE + "/js/common.js\"}]}}"));

        assertThat(failures.drain()).singleElement().asString().startsWith(
                "request to another origin: GET https://api.coingecko.com/api/v3/simple/price (Fetch), initiated by script "
                        + PAGE + "/js/common.js");
    }

    @Test
    void shouldNameHttpErrorsAndFailedLoadsOfThePageWithTheirUrlAndReason() {
        failures.onDevToolsEvent(request("4", PAGE + "/api/trades", "Fetch", PAGE + "/trade",
                "{\"type\":\"script\",\"url\":\"" + PAGE + "/js/trade.js\"}", "POST"));
        failures.onDevToolsEvent(event("Network.responseReceived", "{\"requestId\":\"4\",\"response\":{\"status\":502}}"));
        failures.onDevToolsEvent(request("5", PAGE + "/js/missing.js", "Script", PAGE + "/trade",
                "{\"type\":\"parser\",\"url\":\"" + PAGE + "/trade\"}"));
        failures.onDevToolsEvent(event("Network.loadingFailed", "{\"requestId\":\"5\",\"errorText\":\"net::ERR_BLOCKED_BY_CLIENT\","
                + "\"canceled\":false,\"blockedReason\":\"csp\"}"));

        assertThat(failures.drain()).containsExactly("HTTP 502 for POST " + PAGE + "/api/trades (Fetch)",
                "failed GET " + PAGE + "/js/missing.js (Script): net::ERR_BLOCKED_BY_CLIENT (blocked: csp)");
        assertThat(failures.drain()).as("drained").isEmpty();
    }

    @Test
    void shouldIgnoreLoadsThePageCancelledAndDataUrls() {
        failures.onDevToolsEvent(request("6", PAGE + "/api/stream", "EventSource", PAGE + "/",
                "{\"type\":\"parser\",\"url\":\"" + PAGE + "/\"}"));
        failures.onDevToolsEvent(event("Network.loadingFailed",
                "{\"requestId\":\"6\",\"errorText\":\"net::ERR_ABORTED\",\"canceled\":true}"));
        failures.onDevToolsEvent(request("7", "data:image/svg+xml;base64,PHN2Zy8+", "Image", PAGE + "/",
                "{\"type\":\"parser\",\"url\":\"" + PAGE + "/css/dashboard.css\"}"));

        assertThat(failures.drain()).isEmpty();
    }

    @Test
    void shouldCountConsoleErrorsOfThePagesOriginOnly() {
        failures.onConsoleError(PAGE + "/js/dashboard.js 12:5 Uncaught TypeError: x is undefined");
        failures.onConsoleError("chrome://new-tab-page/ 0:0 Failed to load resource");
        failures.onConsoleError("http://localhost:1/ - Failed to load resource");
        failures.onConsoleError(PAGE + "/api/trades - Failed to load resource: the server responded with a status of 400 ()");

        assertThat(failures.drain()).containsExactly(
                "console error: " + PAGE + "/js/dashboard.js 12:5 Uncaught TypeError: x is undefined");
    }

    @Test
    void shouldCountWhatTheContentSecurityPolicyBlocked() {
        failures.onCspViolation("style-src-attr blocked an inline use in " + PAGE + "/trade");

        assertThat(failures.drain()).containsExactly(
                "content security policy: style-src-attr blocked an inline use in " + PAGE + "/trade");
    }

    @Test
    void shouldTreatAnExplicitDefaultPortAsTheSameOrigin() {
        assertThat(PageFailures.originOf("http://Example.org/x")).isEqualTo(PageFailures.originOf("http://example.org:80/"));
        assertThat(PageFailures.originOf("chrome://new-tab-page/")).isNull();
    }

    private static JsonNode request(String id, String url, String type, String documentUrl, String initiator) {
        return request(id, url, type, documentUrl, initiator, "GET");
    }

    private static JsonNode request(String id, String url, String type, String documentUrl, String initiator,
            String method) {
        return event("Network.requestWillBeSent", "{\"requestId\":\"" + id + "\",\"type\":\"" + type
                + "\",\"documentURL\":\"" + documentUrl + "\",\"initiator\":" + initiator + ",\"request\":{\"url\":\""
                + url + "\",\"method\":\"" + method + "\"}}");
    }

    private static JsonNode event(String method, String params) {
        return JSON.readTree("{\"method\":\"" + method + "\",\"params\":" + params + "}");
    }
}
