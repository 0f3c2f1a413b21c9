package io.otcrouter.router.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;

import io.otcrouter.router.trades.Submitter;

class OnBehalfOfTest {

    private static final String[] DASHBOARD_SCOPES = {"SCOPE_trade", "SCOPE_read", "SCOPE_delegate"};

    @Test
    void shouldNameTheApiKeyWhenNobodyIsNamed() {
        Submitter submitter = OnBehalfOf.submitter(request("desk", "SCOPE_trade"));

        assertThat(submitter).isEqualTo(new Submitter("desk", null));
        assertThat(submitter.label()).isEqualTo("api-key:desk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "a", "trader.one@desk-7_b",
            "x234567890123456789012345678901234567890123456789012345678901234"})
    void shouldNameTheDashboardUserADelegatingKeyActsFor(String name) {
        MockHttpServletRequest request = request("dashboard", DASHBOARD_SCOPES);
        request.addHeader(OnBehalfOf.HEADER, name);

        Submitter submitter = OnBehalfOf.submitter(request);

        assertThat(submitter).isEqualTo(new Submitter("dashboard", name));
        assertThat(submitter.label()).isEqualTo("dashboard-user:" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice smith", "alice\u0000", "<script>", "ålice", "alice:admin", "a/b",
            "x2345678901234567890123456789012345678901234567890123456789012345"})
    void shouldRefuseANameOutsideTheAllowedCharactersAndLength(String name) {
        MockHttpServletRequest request = request("dashboard", DASHBOARD_SCOPES);
        request.addHeader(OnBehalfOf.HEADER, name);

        assertThatThrownBy(() -> OnBehalfOf.submitter(request)).isInstanceOf(InvalidTradeRequestException.class)
                .hasMessageContaining("X-On-Behalf-Of: must be one header of 1 to 64 characters");
    }

    @Test
    void shouldRefuseTwoNames() {
        MockHttpServletRequest request = request("dashboard", DASHBOARD_SCOPES);
        request.addHeader(OnBehalfOf.HEADER, "alice");
        request.addHeader(OnBehalfOf.HEADER, "bob");

        assertThat(OnBehalfOf.isClaimed(request)).isTrue();
        assertThatThrownBy(() -> OnBehalfOf.submitter(request)).isInstanceOf(InvalidTradeRequestException.class);
    }

    @Test
    void shouldRefuseAKeyWithoutTheDelegateScopeNamingSomeone() {
        MockHttpServletRequest request = request("desk", "SCOPE_trade", "SCOPE_read");
        request.addHeader(OnBehalfOf.HEADER, "alice");

        assertThatThrownBy(() -> OnBehalfOf.submitter(request)).isInstanceOf(AccessDeniedException.class);
    }

    private static MockHttpServletRequest request(String keyId, String... authorities) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/trades");
        request.setUserPrincipal(new TestingAuthenticationToken(keyId, null, authorities));
        return request;
    }
}
