package io.otcrouter.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;

import io.otcrouter.security.ApiSecurityAutoConfiguration;

class SecurityConfigTest {

    @Test
    void shouldStayOutOfTheWayOfTheRebuildCommandWhichServesNothing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ApiSecurityAutoConfiguration.class))
                .withUserConfiguration(SecurityConfig.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SecurityFilterChain.class));
    }
}
