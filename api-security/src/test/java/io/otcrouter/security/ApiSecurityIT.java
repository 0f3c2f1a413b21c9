package io.otcrouter.security;

import static io.otcrouter.security.ApiKeyAuthentication.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shared trust boundary in a minimal service over real HTTP: firewall, API keys, scopes, body limit, strict JSON. */
@SpringBootTest(classes = ApiSecurityIT.ThingService.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "otc.security.scopes=write,read",
        "otc.security.api-keys=writer:write+read:" + ApiSecurityIT.WRITER_DIGEST + ",reader:read:" + ApiSecurityIT.READER_DIGEST
                + ",writer-next:write:" + ApiSecurityIT.ROTATED_DIGEST,
        "otc.security.max-body-size=1KB", "spring.mvc.problemdetails.enabled=true"})
class ApiSecurityIT {

    static final String WRITER_KEY = "writer-key-5d1f0c9a";
    static final String WRITER_DIGEST = "189fe35308bd30394e631115441d5e5c1d106dd284854950b7b3c9b5422d9555";
    static final String READER_KEY = "reader-key-77ab01e2";
    static final String READER_DIGEST = "d2d594bab7f1b243e80dbb7f686a1103689a303268675d36b6914a75991b2edc";
    static final String ROTATED_KEY = "writer-key-next-0c4d";
    static final String ROTATED_DIGEST = "926a50137c833650bd00eb7b03b9527cc4e3915b351711c4324130f2fe0e914f";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @SpringBootApplication
    static class ThingService {

        @Bean
        SecurityFilterChain rules(HttpSecurity http, ApiSecurity apiSecurity) throws Exception {
            return apiSecurity.withApiKeys(http).authorizeHttpRequests(rules -> rules
                    .requestMatchers(ApiSecurity.HEALTH).permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/things").hasAuthority(scope("read"))
                    .requestMatchers(HttpMethod.POST, "/api/things").hasAuthority(scope("write"))
                    .anyRequest().denyAll()).build();
        }

        @Bean
        ThingController thingController() {
            return new ThingController();
        }
    }

    record Thing(String name, int count) {
    }

    @RestController
    static class ThingController {
        @GetMapping("/api/things")
        List<String> list(Authentication caller) {
            return List.of("thing seen by " + caller.getName());
        }

        @PostMapping("/api/things")
        Thing create(@RequestBody Thing thing) {
            if (thing.name().equals("crash")) {
                throw new IllegalStateException("a defect in the handler");
            }
            return thing;
        }
    }

    @Test
    void shouldLetEachKeyDoWhatItsScopesAllowAndNoMore() throws Exception {
        assertThat(get("/api/things", READER_KEY).body()).contains("thing seen by reader");
        assertThat(post("/api/things", "{\"name\":\"a\",\"count\":1}", WRITER_KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> outOfScope = post("/api/things", "{\"name\":\"a\",\"count\":1}", READER_KEY);
        assertProblem(outOfScope, 403, "does not allow POST");
    }

    @Test
    void shouldAcceptTheOldAndTheNewKeyDuringARotation() throws Exception {
        assertThat(post("/api/things", "{\"name\":\"a\",\"count\":1}", WRITER_KEY).statusCode()).isEqualTo(200);
        assertThat(post("/api/things", "{\"name\":\"a\",\"count\":1}", ROTATED_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer401WithoutOrWithAWrongKeyAndNeverEchoTheKey() throws Exception {
        HttpResponse<String> missing = post("/api/things", "{}", null);
        assertProblem(missing, 401, "needs a credential");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey header=\"X-API-Key\"");

        HttpResponse<String> wrong = post("/api/things", "{}", "not-a-key-we-know");
        assertProblem(wrong, 401, "not one this service accepts");
        assertThat(wrong.body()).doesNotContain("not-a-key-we-know");
        assertThat(get("/api/things", WRITER_DIGEST).statusCode()).as("the digest is not the key").isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api;x=1/things", "/%61pi/things", "//api/things", "/api/./things", "/api/../api/things",
            "/api/things;jsessionid=1", "/api/%2e/things", "/api%2Fthings"})
    void shouldRefuseAmbiguousSpellingsWith400BeforeAnyHandler(String path) throws Exception {
        assertProblem(post(path, "{\"name\":\"a\",\"count\":1}", WRITER_KEY), 400, "spelled plainly");
        assertProblem(post(path, "{\"name\":\"a\",\"count\":1}", null), 400, "spelled plainly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/things/", "/API/things", "/api/Things", "/api/things/x", "/actuator/env", "/"})
    void shouldDenyEveryRouteNoRuleAllows(String path) throws Exception {
        assertThat(post(path, "{}", WRITER_KEY).statusCode()).isEqualTo(403);
        assertThat(get(path, WRITER_KEY).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswerAHandlersFailureAsA500NotAsADenial() throws Exception {
        assertThat(post("/api/things", "{\"name\":\"crash\",\"count\":1}", WRITER_KEY).statusCode()).isEqualTo(500);
        assertThat(get("/error", WRITER_KEY).statusCode()).as("/error asked for directly").isEqualTo(403);
    }

    @Test
    void shouldLeaveHealthOpen() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseBodiesOverTheLimitWith413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(2_000) + "\",\"count\":1}";
        assertProblem(post("/api/things", big, WRITER_KEY), 413, "exceeds the limit of 1024 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"a\",\"count\":1.5}", "{\"name\":42,\"count\":1}", "{\"name\":\"a\",\"count\":\"1\"}",
            "{\"name\":\"a\",\"count\":1,\"admin\":true}", "{\"name\":\"a\",\"count\":1} {}", "{\"name\":\"a\",\"name\":\"b\",\"count\":1}",
            "{\"name\":\"a\",\"count\":1e999999999}"})
    void shouldRefuseJsonThatWouldOtherwiseBeCoercedOrIgnored(String body) throws Exception {
        HttpResponse<String> response = post("/api/things", body, WRITER_KEY);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(body).hasValue("application/problem+json");
    }

    @Test
    void shouldRefuseDeeplyNestedJsonQuickly() {
        String deep = "{\"name\":" + "[".repeat(500) + "]".repeat(500) + ",\"count\":1}";
        assertTimeout(Duration.ofSeconds(2), () -> assertThat(post("/api/things", deep, WRITER_KEY).statusCode())
                .isEqualTo(400));
    }

    @Test
    void shouldSendSecurityHeadersOnApiAnswers() throws Exception {
        HttpResponse<String> response = get("/api/things", READER_KEY);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Set-Cookie")).as("stateless").isEmpty();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains(detail);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), key);
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), key);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String key) throws Exception {
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
