package io.otcrouter.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.otcrouter.dashboard.TestUsers.TestUser;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.kafka.deadletter.DeadLetterPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kafka-support's dead-letter tools on the dashboard are the admin's alone: nobody else gets past a 401 or 403
 * problem, and an admin's script uses them with HTTP Basic, without a page's CSRF token — while a signed-in session
 * still needs one, and another origin is still refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestUsers.USERS_PROPERTY,
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN"})
@EmbeddedKafka(partitions = 1)
class DeadLetterAccessIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String SETTLED_DLT = Topics.TRADES_SETTLED.deadLetterTopic();
    /** A dead letter that is not there: reaching the handler answers 404, anything stopped before it does not. */
    private static final String REPLAY = DeadLetterPaths.ROOT + "/" + SETTLED_DLT + "/0/424242/replay";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Test
    void shouldListTheDashboardsDeadLetterTopicsForAnAdminOnly() {
        HttpResponse<String> anonymous = send(request("GET", DeadLetterPaths.ROOT).header("Accept", "text/html"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(anonymous.headers().firstValue("Location")).as("no redirect to the sign-in page").isEmpty();
        for (TestUser user : List.of(TestUsers.VIEWER, TestUsers.TRADER)) {
            HttpResponse<String> refused = send(basic(request("GET", DeadLetterPaths.ROOT), user));
            assertThat(refused.statusCode()).as(user.name()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).as(user.name()).hasValue(PROBLEM);
        }

        HttpResponse<String> admin = send(basic(request("GET", DeadLetterPaths.ROOT), TestUsers.ADMIN));

        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(JSON.readTree(admin.body()).valueStream().map(topic -> topic.get("topic").asString()))
                .containsExactlyInAnyOrder(Topics.ROUTES_DECIDED.deadLetterTopic(), SETTLED_DLT,
                        Topics.POOLS_CHANGED.deadLetterTopic());
    }

    @Test
    void shouldLetOnlyAnAdminsScriptReplayWithoutACsrfToken() {
        for (TestUser user : List.of(TestUsers.VIEWER, TestUsers.TRADER)) {
            assertThat(send(basic(request("POST", REPLAY), user)).statusCode()).as(user.name()).isEqualTo(403);
        }
        assertThat(send(request("POST", REPLAY)).statusCode()).isEqualTo(401);

        HttpResponse<String> script = send(basic(request("POST", REPLAY), TestUsers.ADMIN));
        assertThat(script.statusCode()).as(script.body()).isEqualTo(404);
        assertThat(script.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(JSON.readTree(script.body()).get("detail").asString()).contains("No record at offset 424242");

        HttpResponse<String> foreign = send(basic(request("POST", REPLAY), TestUsers.ADMIN)
                .header("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("Cross-site request refused");

        DashboardSession session = DashboardSession.signIn(port, TestUsers.ADMIN);
        HttpResponse<String> withoutToken = DashboardSession.send(session.request(REPLAY)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withoutToken.statusCode()).as("a session still needs the page's CSRF token").isEqualTo(403);
        HttpResponse<String> withToken = DashboardSession.send(session.request(REPLAY)
                .header(session.csrfHeader(), session.csrfToken()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(404);
    }

    private HttpRequest.Builder request(String method, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, TestUser user) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return DashboardSession.send(request);
    }
}
