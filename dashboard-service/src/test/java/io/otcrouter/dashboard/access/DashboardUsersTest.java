package io.otcrouter.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

class DashboardUsersTest {

    /** bcrypt of "test-admin-password-1", cost 10. */
    private static final String HASH = "{bcrypt}$2a$10$sq7MkL5U.xe4kmZlvXpOPuZg5qrpjUHL6sZ/8lBe3pHc4cxgTfFye";

    @Test
    void shouldReadEveryEntryWithItsRoleAndHash() {
        List<UserDetails> users = DashboardUsers.parse(List.of("ada@admin:admin:" + HASH, " tom.trader:trader:" + HASH,
                "vera_v-1:viewer:" + HASH));

        assertThat(users).extracting(UserDetails::getUsername).containsExactly("ada@admin", "tom.trader", "vera_v-1");
        assertThat(users).extracting(user -> user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .toList()).containsExactly(List.of("ROLE_ADMIN"), List.of("ROLE_TRADER"), List.of("ROLE_VIEWER"));
        assertThat(users.get(0).getPassword()).isEqualTo(HASH);
    }

    @Test
    void shouldRefuseAPlainPasswordWithoutRepeatingIt() {
        for (String password : List.of("hunter2-plain", "{noop}hunter2-plain", "{bcrypt}hunter2-plain",
                "$2a$10$sq7MkL5U.xe4kmZlvXpOPuZg5qrpjUHL6sZ/8lBe3pHc4cxgTfFye")) {
            assertThatIllegalArgumentException().isThrownBy(() -> DashboardUsers.parse(List.of("ada:admin:" + password)))
                    .withMessageContaining("entry 1 (ada)").withMessageContaining("bcrypt hash")
                    .withMessageNotContaining("hunter2").withMessageNotContaining("sq7Mk");
        }
    }

    @Test
    void shouldRefuseAnUnknownRoleABadNameATwiceGivenNameAndAMalformedEntry() {
        assertThatIllegalArgumentException().isThrownBy(() -> DashboardUsers.parse(List.of("ada:root:" + HASH)))
                .withMessageContaining("entry 1 (ada)").withMessageContaining("viewer, trader or admin");
        assertThatIllegalArgumentException().isThrownBy(() -> DashboardUsers.parse(List.of("ada lovelace:admin:" + HASH)))
                .withMessageContaining("entry 1").withMessageContaining("name");
        assertThatIllegalArgumentException().isThrownBy(() -> DashboardUsers.parse(List.of("a".repeat(65) + ":admin:" + HASH)))
                .withMessageContaining("name");
        assertThatIllegalArgumentException().isThrownBy(() -> DashboardUsers.parse(List.of("ada:admin:" + HASH,
                "ada:viewer:" + HASH))).withMessageContaining("entry 2 (ada)").withMessageContaining("more than once");
        assertThatIllegalArgumentException().isThrownBy(() -> DashboardUsers.parse(List.of("ada-secret-password")))
                .withMessageContaining("entry 1 is not written name:role:{bcrypt}hash")
                .withMessageNotContaining("secret");
    }

    @Test
    void shouldAcceptNoUsersAtAll() {
        assertThat(DashboardUsers.parse(List.of())).isEmpty();
    }
}
