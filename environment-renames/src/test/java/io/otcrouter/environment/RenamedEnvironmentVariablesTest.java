package io.otcrouter.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** An old variable name still sets what its new name sets, read the way application.yml reads the new name. */
class RenamedEnvironmentVariablesTest {

    private final Log log = mock(Log.class);
    private final DeferredLogFactory logs = supplier -> log;

    @Test
    void shouldReadTheOldMillisecondsAsTheNewDurationAndWarnOnceNamingTheNewVariable() {
        StandardEnvironment environment = environment(Map.of("OTC_OUTBOX_POLL_INTERVAL_MS", "250"));

        new RenamedEnvironmentVariables(logs).postProcessEnvironment(environment, null);

        assertThat(pollInterval(environment)).isEqualTo(Duration.ofMillis(250));
        ArgumentCaptor<Object> warning = ArgumentCaptor.forClass(Object.class);
        verify(log).warn(warning.capture());
        assertThat(warning.getValue().toString()).contains("OTC_OUTBOX_POLL_INTERVAL_MS")
                .contains("set OTC_OUTBOX_POLL_INTERVAL instead");
    }

    @Test
    void shouldLetTheNewVariableWinWhenBothAreSet() {
        StandardEnvironment environment = environment(Map.of("OTC_OUTBOX_POLL_INTERVAL_MS", "250",
                "OTC_OUTBOX_POLL_INTERVAL", "2s"));

        new RenamedEnvironmentVariables(logs).postProcessEnvironment(environment, null);

        assertThat(pollInterval(environment)).isEqualTo(Duration.ofSeconds(2));
        assertThat(environment.getPropertySources().contains(RenamedEnvironmentVariables.SOURCE_NAME)).isFalse();
        ArgumentCaptor<Object> warning = ArgumentCaptor.forClass(Object.class);
        verify(log).warn(warning.capture());
        assertThat(warning.getValue().toString()).contains("OTC_OUTBOX_POLL_INTERVAL_MS is no longer read");
    }

    @Test
    void shouldChangeNothingAndLogNothingWithoutTheOldVariable() {
        StandardEnvironment environment = environment(Map.of());

        new RenamedEnvironmentVariables(logs).postProcessEnvironment(environment, null);

        assertThat(pollInterval(environment)).isEqualTo(Duration.ofSeconds(1));
        assertThat(environment.getPropertySources().contains(RenamedEnvironmentVariables.SOURCE_NAME)).isFalse();
        verify(log, never()).warn(any());
    }

    @Test
    void shouldRefuseAnOldValueThatIsNotAWholeNumberOfMilliseconds() {
        StandardEnvironment environment = environment(Map.of("OTC_OUTBOX_POLL_INTERVAL_MS", "1s"));

        assertThatThrownBy(() -> new RenamedEnvironmentVariables(logs).postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OTC_OUTBOX_POLL_INTERVAL_MS");
    }

    @Test
    void shouldCarryAnOldNameWhoseValueNeedsNoConversionAsItIs() {
        StandardEnvironment environment = environment(Map.of("KAFKA_MAX_BLOCK_MS", "7000"));

        new RenamedEnvironmentVariables(logs).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("KAFKA_PRODUCER_MAX_BLOCK_MS")).isEqualTo("7000");
        ArgumentCaptor<Object> warning = ArgumentCaptor.forClass(Object.class);
        verify(log).warn(warning.capture());
        assertThat(warning.getValue().toString()).contains("set KAFKA_PRODUCER_MAX_BLOCK_MS instead");
    }

    @Test
    void shouldBeRegisteredAsABoot4EnvironmentPostProcessor() {
        List<EnvironmentPostProcessor> registered = SpringFactoriesLoader.forDefaultResourceLocation().load(
                EnvironmentPostProcessor.class, ArgumentResolver.of(DeferredLogFactory.class, logs),
                FailureHandler.handleMessage((message, failure) -> { }));

        assertThat(registered).hasAtLeastOneElementOfType(RenamedEnvironmentVariables.class);
    }

    /** The given variables as the system environment, and the ledger's placeholder for the relay's poll. */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml",
                Map.of("otc.outbox.poll-interval", "${OTC_OUTBOX_POLL_INTERVAL:1s}")));
        return environment;
    }

    private static Duration pollInterval(StandardEnvironment environment) {
        return Binder.get(environment).bind("otc.outbox.poll-interval", Duration.class).get();
    }
}
