package io.otcrouter.router.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.router.config.TradeApiProperties;
import tools.jackson.databind.json.JsonMapper;

class AdmissionFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AdmissionFilter filter = new AdmissionFilter(
            new TradeApiProperties(Duration.ofSeconds(10), Duration.ofSeconds(10), 2),
            new ProblemWriter(JsonMapper.builder().build()), meters);

    @Test
    void shouldRefuseTheSubmissionBeyondTheLimitAtOnceWithRetryAfterAndAProblem() throws Exception {
        List<MockHttpServletResponse> inner = new ArrayList<>();
        // The chain of the first submission sends a second, whose chain sends a third: three at once.
        FilterChain third = (request, response) -> ((MockHttpServletResponse) response).setStatus(201);
        FilterChain second = (request, response) -> {
            MockHttpServletResponse refused = new MockHttpServletResponse();
            filter.doFilter(submission(), refused, third);
            inner.add(refused);
            ((MockHttpServletResponse) response).setStatus(201);
        };
        FilterChain first = (request, response) -> {
            MockHttpServletResponse admitted = new MockHttpServletResponse();
            filter.doFilter(submission(), admitted, second);
            inner.add(admitted);
            ((MockHttpServletResponse) response).setStatus(201);
        };
        MockHttpServletResponse outer = new MockHttpServletResponse();

        filter.doFilter(submission(), outer, first);

        MockHttpServletResponse refused = inner.get(0);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"title\":\"Router at capacity\"")
                .contains("\"maxInFlight\":2").contains("nothing was done with this one");
        assertThat(inner.get(1).getStatus()).isEqualTo(201);
        assertThat(outer.getStatus()).isEqualTo(201);
        assertThat(meters.get(AdmissionFilter.SHED).counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldGiveThePermitBackWhenASubmissionEndsEvenByAnException() throws Exception {
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("decision failed");
        };
        for (int i = 0; i < 3; i++) {
            try {
                filter.doFilter(submission(), new MockHttpServletResponse(), failing);
            } catch (IllegalStateException expected) {
                // the permit must still be released
            }
        }
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(submission(), response, (request, r) -> ((MockHttpServletResponse) r).setStatus(201));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(meters.get(AdmissionFilter.IN_FLIGHT).gauge().value()).isZero();
    }

    @Test
    void shouldLetASubmissionThatOnlyWaitsGiveItsPlaceBackOnce() throws Exception {
        MockHttpServletResponse[] others = {new MockHttpServletResponse(), new MockHttpServletResponse(),
                new MockHttpServletResponse()};
        FilterChain waitsTwice = (request, response) -> {
            // e.g. ?wait=settled after its decision; leaving twice must not free a second place
            AdmissionFilter.leave((MockHttpServletRequest) request);
            AdmissionFilter.leave((MockHttpServletRequest) request);
            // three more at once while it waits
            filter.doFilter(submission(), others[0], (r0, s0) -> {
                filter.doFilter(submission(), others[1], (r1, s1) -> {
                    filter.doFilter(submission(), others[2], (r2, s2) -> ((MockHttpServletResponse) s2).setStatus(201));
                    ((MockHttpServletResponse) s1).setStatus(201);
                });
                ((MockHttpServletResponse) s0).setStatus(201);
            });
        };

        filter.doFilter(submission(), new MockHttpServletResponse(), waitsTwice);

        // Limit 2: the waiting one holds no place, so two of the others fit and the third does not.
        assertThat(others[0].getStatus()).isEqualTo(201);
        assertThat(others[1].getStatus()).isEqualTo(201);
        assertThat(others[2].getStatus()).isEqualTo(503);
        assertThat(meters.get(AdmissionFilter.IN_FLIGHT).gauge().value()).isZero();
    }

    @Test
    void shouldNotFreeAPlaceWhenARequestThatWasNeverAdmittedLeaves() throws Exception {
        AdmissionFilter.leave(submission());
        FilterChain nested = (request, response) -> {
            MockHttpServletResponse second = new MockHttpServletResponse();
            filter.doFilter(submission(), second, (r, s) -> {
                MockHttpServletResponse third = new MockHttpServletResponse();
                filter.doFilter(submission(), third, (r3, s3) -> ((MockHttpServletResponse) s3).setStatus(201));
                ((MockHttpServletResponse) s).setStatus(third.getStatus());
            });
            ((MockHttpServletResponse) response).setStatus(second.getStatus());
        };
        MockHttpServletResponse first = new MockHttpServletResponse();

        filter.doFilter(submission(), first, nested);

        assertThat(first.getStatus()).as("the third of a limit of two").isEqualTo(503);
    }

    @Test
    void shouldAdmitTradeSubmissionsAndQuotesAndLeaveReadsAndOtherPathsAlone() {
        assertThat(filter.shouldNotFilter(submission())).isFalse();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/api/quote"))).isFalse();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/api/trades/abc"))).isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/actuator/prometheus"))).isTrue();
    }

    @Test
    void shouldCountAQuoteAgainstTheSameLimitAsTradeSubmissions() throws Exception {
        MockHttpServletResponse refused = new MockHttpServletResponse();
        // A submission and a quote in flight: a second quote is the third decision of a limit of two.
        filter.doFilter(submission(), new MockHttpServletResponse(), (r1, s1) ->
                filter.doFilter(quote(), new MockHttpServletResponse(), (r2, s2) ->
                        filter.doFilter(quote(), refused, (r3, s3) -> ((MockHttpServletResponse) s3).setStatus(200))));

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
    }

    private static MockHttpServletRequest submission() {
        return new MockHttpServletRequest("POST", "/api/trades");
    }

    private static MockHttpServletRequest quote() {
        return new MockHttpServletRequest("GET", "/api/quote");
    }
}
