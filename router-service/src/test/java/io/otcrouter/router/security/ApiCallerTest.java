package io.otcrouter.router.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class ApiCallerTest {

    @Test
    void shouldReadTheKeyIdAndItsScopesFromTheAuthenticatedPrincipal() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/trades");
        request.setUserPrincipal(new TestingAuthenticationToken("dashboard", null, "SCOPE_trade", "SCOPE_delegate",
                "ROLE_other"));

        ApiCaller caller = ApiCaller.of(request);

        assertThat(caller.keyId()).isEqualTo("dashboard");
        assertThat(caller.scopes()).containsExactlyInAnyOrder("trade", "delegate");
        assertThat(caller.hasScope(ApiCaller.DELEGATE)).isTrue();
        assertThat(caller.hasScope(ApiCaller.READ)).isFalse();
    }

    @Test
    void shouldRefuseARequestWithoutAnAuthenticatedKey() {
        MockHttpServletRequest anonymous = new MockHttpServletRequest("POST", "/api/trades");
        MockHttpServletRequest unauthenticated = new MockHttpServletRequest("POST", "/api/trades");
        TestingAuthenticationToken presented = new TestingAuthenticationToken("desk", "key");
        presented.setAuthenticated(false);
        unauthenticated.setUserPrincipal(presented);
        MockHttpServletRequest anonymousToken = new MockHttpServletRequest("POST", "/api/trades");
        anonymousToken.setUserPrincipal(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThatThrownBy(() -> ApiCaller.of(anonymous)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POST /api/trades");
        assertThatThrownBy(() -> ApiCaller.of(unauthenticated)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ApiCaller.of(anonymousToken)).isInstanceOf(IllegalStateException.class);
    }
}
