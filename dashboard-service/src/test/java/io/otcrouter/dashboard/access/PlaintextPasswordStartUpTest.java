package io.otcrouter.dashboard.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.otcrouter.dashboard.DashboardApplication;

/** A plain password in {@code DASHBOARD_USERS} stops the dashboard before it serves anything, and is not repeated. */
class PlaintextPasswordStartUpTest {

    @Test
    void shouldRefuseToStartWithAPlainPassword() {
        SpringApplicationBuilder dashboard = new SpringApplicationBuilder(DashboardApplication.class);

        // As arguments, these win over application.yml (as DASHBOARD_USERS would). Nothing listens on the broker
        // address: start-up must fail on the users before it needs one.
        assertThatThrownBy(() -> dashboard.run("--server.port=0",
                "--otc.dashboard.users=ada:admin:correct-horse-battery-staple",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9", "--spring.kafka.listener.auto-startup=false").close())
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DASHBOARD_USERS entry 1 (ada)").hasMessageContaining("bcrypt hash")
                .hasMessageNotContaining("correct-horse");
    }
}
