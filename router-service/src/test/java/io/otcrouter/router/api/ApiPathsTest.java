package io.otcrouter.router.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/trades", "/api;x=1/trades", "/api/trades;x=1", "/%61pi/trades", "/api/trade%73"})
    void shouldMatchATradeSubmissionInEverySpellingSpringMvcRoutesToIt(String uri) {
        assertThat(ApiPaths.TRADE_SUBMISSION.matches(new MockHttpServletRequest("POST", uri))).isTrue();
        assertThat(ApiPaths.DECIDING.matches(new MockHttpServletRequest("POST", uri))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/trades/", "/API/TRADES", "/api/trades.json", "/api/trades/abc", "/api"})
    void shouldNotMatchWhatSpringMvcDoesNotRouteToTheSubmission(String uri) {
        assertThat(ApiPaths.TRADE_SUBMISSION.matches(new MockHttpServletRequest("POST", uri))).isFalse();
    }

    @Test
    void shouldTellQuotesAndTradeReadsByMethodAndPath() {
        assertThat(ApiPaths.QUOTE.matches(new MockHttpServletRequest("GET", "/api/quote"))).isTrue();
        assertThat(ApiPaths.QUOTE.matches(new MockHttpServletRequest("POST", "/api/quote"))).isFalse();
        assertThat(ApiPaths.TRADE.matches(new MockHttpServletRequest("GET", "/api/trades/abc"))).isTrue();
        assertThat(ApiPaths.TRADE.matches(new MockHttpServletRequest("GET", "/api/trades/"))).isFalse();
        assertThat(ApiPaths.DECIDING.matches(new MockHttpServletRequest("GET", "/api/trades/abc"))).isFalse();
        assertThat(ApiPaths.TRADE_SUBMISSION.matches(new MockHttpServletRequest("GET", "/api/trades"))).isFalse();
    }

    @Test
    void shouldRunEveryRouterFilterAfterSpringSecuritysChainCheapestRefusalFirst() throws Exception {
        int rateLimit = order(RateLimitFilter.class);
        int admission = order(AdmissionFilter.class);
        int idempotency = order(Class.forName("io.otcrouter.router.idempotency.IdempotencyFilter"));

        assertThat(rateLimit).isGreaterThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
        assertThat(admission).isGreaterThan(rateLimit);
        assertThat(idempotency).isGreaterThan(admission);
    }

    private static int order(Class<?> filter) {
        return AnnotationUtils.findAnnotation(filter, Order.class).value();
    }
}
