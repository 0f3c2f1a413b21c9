package io.otcrouter.router.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.router.config.RateLimitProperties;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(1, 2),
            new ProblemWriter(JsonMapper.builder().build()), meters);

    @Test
    void shouldRefuseTheRequestBeyondTheKeysBurstWith429RetryAfterAndAProblemWithoutGoingOn() throws Exception {
        filter.doFilter(quote("desk"), new MockHttpServletResponse(), (request, response) -> { });
        filter.doFilter(submission("desk"), new MockHttpServletResponse(), (request, response) -> { });
        MockHttpServletResponse refused = new MockHttpServletResponse();
        boolean[] wentOn = {false};

        filter.doFilter(submission("desk"), refused, (request, response) -> wentOn[0] = true);

        assertThat(wentOn[0]).isFalse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"title\":\"Rate limit exceeded\"")
                .contains("'desk' may send 1 trade submissions and quotes a second").contains("\"burst\":2");
        assertThat(meters.get(RateLimitFilter.LIMITED).tag("apiKey", "desk").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldCountEachKeyOnItsOwn() throws Exception {
        filter.doFilter(submission("desk"), new MockHttpServletResponse(), (request, response) -> { });
        filter.doFilter(submission("desk"), new MockHttpServletResponse(), (request, response) -> { });
        MockHttpServletResponse other = new MockHttpServletResponse();

        filter.doFilter(submission("other-desk"), other,
                (request, response) -> ((MockHttpServletResponse) response).setStatus(201));

        assertThat(other.getStatus()).isEqualTo(201);
    }

    @Test
    void shouldLimitTradeSubmissionsAndQuotesOnly() {
        assertThat(filter.shouldNotFilter(submission("desk"))).isFalse();
        assertThat(filter.shouldNotFilter(quote("desk"))).isFalse();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/api/trades/abc"))).isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/actuator/prometheus"))).isTrue();
    }

    @Test
    void shouldRoundTheWaitUpToWholeSecondsAndNeverSayZero() {
        assertThat(RateLimitFilter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimitFilter.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RateLimitFilter.retryAfterSeconds(Duration.ofSeconds(3))).isEqualTo(3);
        assertThat(RateLimitFilter.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    }

    private static MockHttpServletRequest submission(String keyId) {
        return authenticated(new MockHttpServletRequest("POST", "/api/trades"), keyId);
    }

    private static MockHttpServletRequest quote(String keyId) {
        return authenticated(new MockHttpServletRequest("GET", "/api/quote"), keyId);
    }

    private static MockHttpServletRequest authenticated(MockHttpServletRequest request, String keyId) {
        request.setUserPrincipal(new TestingAuthenticationToken(keyId, null, "SCOPE_trade"));
        return request;
    }
}
