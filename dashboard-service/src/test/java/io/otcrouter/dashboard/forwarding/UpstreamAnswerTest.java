package io.otcrouter.dashboard.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.client.MockClientHttpResponse;

class UpstreamAnswerTest {

    private static final String PROBLEM = "{\"title\":\"Invalid trade request\",\"detail\":\"<b>amount</b>\"}";

    @Test
    void shouldPassJsonAndProblemDetailsThroughUnchanged() throws Exception {
        ResponseEntity<Object> decision = relay(HttpStatus.CREATED, MediaType.APPLICATION_JSON, "{\"route\":\"OTC\"}");
        ResponseEntity<Object> problem = relay(HttpStatus.BAD_REQUEST, MediaType.APPLICATION_PROBLEM_JSON, PROBLEM);

        assertThat(decision.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(decision.getBody()).isEqualTo("{\"route\":\"OTC\"}");
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(problem.getBody()).isEqualTo(PROBLEM);
    }

    @Test
    void shouldNeverPassOnAnythingButJson() throws Exception {
        ResponseEntity<Object> html = relay(HttpStatus.BAD_GATEWAY, MediaType.TEXT_HTML, "<h1>Bad gateway</h1>");
        ResponseEntity<Object> none = relay(HttpStatus.OK, null, "plain words");

        for (ResponseEntity<Object> answer : List.of(html, none)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("not JSON");
        }
    }

    @Test
    void shouldTurnARefusalOfTheDashboardsOwnKeyIntoABadGateway() throws Exception {
        for (HttpStatus refusal : new HttpStatus[] {HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN}) {
            ResponseEntity<Object> answer = relay(refusal, MediaType.APPLICATION_PROBLEM_JSON, PROBLEM);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(((ProblemDetail) answer.getBody()).getTitle()).isEqualTo("Dashboard not authorized by router-service");
        }
    }

    @Test
    void shouldRefuseAnOverlongAnswer() throws Exception {
        ResponseEntity<Object> answer = relay(HttpStatus.OK, MediaType.APPLICATION_JSON,
                "\"" + "x".repeat(UpstreamAnswer.MAX_BODY_BYTES) + "\"");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("more than");
    }

    @Test
    void shouldPassOnRetryAfterInSecondsSoThePageCanWaitAsTheRouterAsks() throws Exception {
        MockClientHttpResponse unquoted = new MockClientHttpResponse(PROBLEM.getBytes(StandardCharsets.UTF_8),
                HttpStatus.SERVICE_UNAVAILABLE);
        unquoted.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        unquoted.getHeaders().set("Retry-After", "2");
        MockClientHttpResponse dated = new MockClientHttpResponse(PROBLEM.getBytes(StandardCharsets.UTF_8),
                HttpStatus.SERVICE_UNAVAILABLE);
        dated.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        dated.getHeaders().set("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT\r\nX-Injected: 1");

        ResponseEntity<Object> relayed = UpstreamAnswer.read("router-service", unquoted).relay();
        ResponseEntity<Object> dropped = UpstreamAnswer.read("router-service", dated).relay();

        assertThat(relayed.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(relayed.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(relayed.getBody()).isEqualTo(PROBLEM);
        assertThat(dropped.getHeaders().containsHeader("Retry-After")).as("only whole seconds pass").isFalse();
    }

    private static ResponseEntity<Object> relay(HttpStatus status, MediaType type, String body) throws Exception {
        MockClientHttpResponse response = new MockClientHttpResponse(body.getBytes(StandardCharsets.UTF_8), status);
        if (type != null) {
            response.getHeaders().setContentType(type);
        }
        return UpstreamAnswer.read("router-service", response).relay();
    }
}
