package io.otcrouter.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SameOriginFilterTest {

    @Test
    void shouldTakeTheDefaultPortOfTheSchemeWhenTheOriginLeavesItOut() {
        assertThat(SameOriginFilter.isOwnOrigin("https://desk.example", request("https", "desk.example", 443))).isTrue();
        assertThat(SameOriginFilter.isOwnOrigin("http://desk.example", request("http", "desk.example", 80))).isTrue();
        assertThat(SameOriginFilter.isOwnOrigin("http://Desk.Example:8080", request("http", "desk.example", 8080)))
                .isTrue();
    }

    @Test
    void shouldTakeAnyOtherSchemeHostOrPortForAnotherOrigin() {
        MockHttpServletRequest own = request("http", "desk.example", 8080);

        assertThat(SameOriginFilter.isOwnOrigin("https://desk.example:8080", own)).isFalse();
        assertThat(SameOriginFilter.isOwnOrigin("http://desk.example", own)).isFalse();
        assertThat(SameOriginFilter.isOwnOrigin("http://desk.example.evil.example:8080", own)).isFalse();
        assertThat(SameOriginFilter.isOwnOrigin("http://desk.example:8080/path", own)).isFalse();
        assertThat(SameOriginFilter.isOwnOrigin("null", own)).isFalse();
        assertThat(SameOriginFilter.isOwnOrigin("http://desk.example:8080 http://evil.example", own)).isFalse();
    }

    private static MockHttpServletRequest request(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/trades");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        return request;
    }
}
