package io.otcrouter.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.otcrouter.dashboard.TestUsers.TestUser;

/**
 * A signed-in session for plain HTTP tests, got through the real sign-in form as a browser would get it: the session
 * cookie and the CSRF token of its pages. No redirect is followed, so tests see exactly what the dashboard answers.
 */
public final class DashboardSession {

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern META_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String baseUrl;
    private final String cookie;
    private final String csrfHeader;
    private final String csrfToken;

    private DashboardSession(String baseUrl, String cookie, String csrfHeader, String csrfToken) {
        this.baseUrl = baseUrl;
        this.cookie = cookie;
        this.csrfHeader = csrfHeader;
        this.csrfToken = csrfToken;
    }

    /** Signs in with the form at {@code /login}; fails when the dashboard does not accept the user. */
    public static DashboardSession signIn(int port, TestUser user) {
        String baseUrl = "http://localhost:" + port;
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).GET());
        String anonymousCookie = sessionCookie(loginPage);
        String form = "username=" + encode(user.name()) + "&password=" + encode(user.password()) + "&_csrf="
                + encode(find(FORM_TOKEN, loginPage.body(), "the sign-in form's CSRF token"));
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", anonymousCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in of " + user.name() + " refused: HTTP " + signedIn.statusCode()
                    + " to " + location);
        }
        // The session id changes at sign-in (session fixation protection): the new one is the signed-in session.
        String cookie = sessionCookie(signedIn);
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/")).header("Cookie", cookie)
                .GET());
        return new DashboardSession(baseUrl, cookie, find(META_HEADER, page.body(), "the CSRF header name"),
                find(META_TOKEN, page.body(), "the page's CSRF token"));
    }

    /** {@code JSESSIONID=...}, for a {@code Cookie} header. */
    public String cookie() {
        return cookie;
    }

    public String csrfHeader() {
        return csrfHeader;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** GET with the session cookie. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** POST of a JSON body with the session cookie and the CSRF token, as the pages' scripts send it. */
    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").header(csrfHeader, csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request to the dashboard carrying the session cookie only: add what the test is about. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", cookie)
                .header("Accept", "application/json");
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to the dashboard failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher)
                .filter(Matcher::find).map(m -> "JSESSIONID=" + m.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie set by " + response.uri()));
    }

    private static String find(Pattern pattern, String page, String what) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException(what + " is not on the page");
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
