package io.otcrouter.router.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of("desk-key-1", "dashboard-key"));

    @Test
    void shouldAcceptEveryConfiguredKey() {
        assertThat(keys.matches("desk-key-1")).isTrue();
        assertThat(keys.matches("dashboard-key")).isTrue();
    }

    @Test
    void shouldRefuseAPrefixASuffixAnotherCaseAndTheEmptyKey() {
        assertThat(keys.matches("desk-key-")).isFalse();
        assertThat(keys.matches("desk-key-12")).isFalse();
        assertThat(keys.matches("DESK-KEY-1")).isFalse();
        assertThat(keys.matches("")).isFalse();
    }

    @Test
    void shouldBeDisabledWithoutKeys() {
        assertThat(new ApiKeys(List.of()).enabled()).isFalse();
        assertThat(keys.enabled()).isTrue();
    }
}
