package io.otcrouter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeyRingTest {

    private static final String OLD_KEY = "old-desk-key-3f9a1c";
    private static final String NEW_KEY = "new-desk-key-b27e40";
    private static final Set<String> SCOPES = Set.of("trade", "read");

    @Test
    void shouldAcceptTheOldAndTheNewKeyWhileBothAreListed() {
        ApiKeyRing ring = ApiKeyRing.parse(List.of("desk-7:trade+read:" + ApiKeyRing.sha256Hex(OLD_KEY),
                " desk-7-rotated:trade:" + ApiKeyRing.sha256Hex(NEW_KEY) + " "), SCOPES);

        assertThat(ring.find(OLD_KEY)).hasValueSatisfying(entry -> {
            assertThat(entry.id()).isEqualTo("desk-7");
            assertThat(entry.scopes()).containsExactlyInAnyOrder("trade", "read");
        });
        assertThat(ring.find(NEW_KEY)).hasValueSatisfying(entry -> assertThat(entry.id()).isEqualTo("desk-7-rotated"));
        assertThat(ring.find("desk-7")).isEmpty();
        assertThat(ring.find(ApiKeyRing.sha256Hex(OLD_KEY))).as("the digest is not the key").isEmpty();
    }

    @Test
    void shouldMatchWhatSha256sumPrints() {
        // printf %s "abc" | sha256sum
        assertThat(ApiKeyRing.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldRefuseAPlainKeyInPlaceOfItsDigestWithoutEchoingIt() {
        assertThatThrownBy(() -> ApiKeyRing.parse(List.of("desk:trade:" + OLD_KEY), SCOPES))
                .hasMessageContaining("entry 1").hasMessageContaining("SHA-256").hasMessageNotContaining(OLD_KEY);
    }

    @Test
    void shouldRefuseAnUnknownScopeAndAMalformedEntry() {
        String digest = ApiKeyRing.sha256Hex(OLD_KEY);
        assertThatThrownBy(() -> ApiKeyRing.parse(List.of("desk:trade+admin:" + digest), SCOPES))
                .hasMessageContaining("unknown scope 'admin'");
        assertThatThrownBy(() -> ApiKeyRing.parse(List.of("desk:" + digest), SCOPES)).hasMessageContaining("three");
        assertThatThrownBy(() -> ApiKeyRing.parse(List.of("desk:" + OLD_KEY + ":" + digest), SCOPES))
                .hasMessageContaining("not a lower-case word").hasMessageNotContaining(OLD_KEY);
        assertThatThrownBy(() -> ApiKeyRing.parse(List.of("de sk:trade:" + digest), SCOPES)).hasMessageContaining("id");
    }

    @Test
    void shouldBeEmptyWhenNothingIsConfigured() {
        assertThat(ApiKeyRing.parse(List.of(), SCOPES).isEmpty()).isTrue();
        assertThat(ApiKeyRing.parse(List.of(""), SCOPES).isEmpty()).isTrue();
    }
}
