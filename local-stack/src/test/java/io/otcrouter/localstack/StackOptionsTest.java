package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    void shouldRunEverythingWithDataInTheWorkingDirectoryByDefault() {
        StackOptions options = StackOptions.parse();

        assertThat(options.mode()).isEqualTo(StackMode.FULL);
        assertThat(options.infraOnly()).isFalse();
        assertThat(options.demo()).isFalse();
        assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void shouldAcceptInfraOnlyAndADataDirectory() {
        StackOptions options = StackOptions.parse("--infra-only", "--data-dir=/tmp/stack");

        assertThat(options.mode()).isEqualTo(StackMode.INFRA);
        assertThat(options.infraOnly()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
    }

    @Test
    void shouldRunOnlyTheBrokerWithInfraOnlyKafka() {
        StackOptions options = StackOptions.parse("--infra-only=kafka", "--data-dir=/tmp/stack");

        assertThat(options.mode()).isEqualTo(StackMode.KAFKA);
        assertThat(options.infraOnly()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
    }

    @Test
    void shouldRunOnlyTheDatabaseWithInfraOnlyPostgres() {
        StackOptions options = StackOptions.parse("--infra-only=postgres");

        assertThat(options.mode()).isEqualTo(StackMode.POSTGRES);
        assertThat(options.infraOnly()).isTrue();
    }

    @Test
    void shouldAcceptTheSameInfraPartTwice() {
        assertThat(StackOptions.parse("--infra-only=kafka", "--infra-only=kafka").mode()).isEqualTo(StackMode.KAFKA);
    }

    @Test
    void shouldRejectTwoDifferentInfraParts() {
        assertThatThrownBy(() -> StackOptions.parse("--infra-only=kafka", "--infra-only=postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain --infra-only");
    }

    @Test
    void shouldRejectAnUnknownInfraPartNamingTheKnownOnes() {
        assertThatThrownBy(() -> StackOptions.parse("--infra-only=zookeeper"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--infra-only=kafka")
                .hasMessageContaining("--infra-only=postgres");
        assertThatThrownBy(() -> StackOptions.parse("--infra-only=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptDemo() {
        assertThat(StackOptions.parse("--demo").demo()).isTrue();
    }

    @Test
    void shouldRejectUnknownArgumentsWithTheUsage() {
        assertThatThrownBy(() -> StackOptions.parse("--infra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--infra")
                .hasMessageContaining(StackOptions.USAGE);
    }

    @Test
    void shouldRejectDemoWithoutServices() {
        assertThatThrownBy(() -> StackOptions.parse("--infra-only", "--demo")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StackOptions.parse("--demo", "--infra-only=kafka"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--demo");
        assertThatThrownBy(() -> StackOptions.parse("--infra-only=postgres", "--demo")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStartServicesWithTheSmallC1OnlyJvmsByDefault() {
        assertThat(StackOptions.parse().serviceJvmOptions())
                .containsExactly("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void shouldReplaceTheWholeDefaultSetWithTheGivenServiceJvmOptions() {
        StackOptions options = StackOptions.parse("--service-jvm-options=  -Xms256m -Xmx1g\t-XX:+UseParallelGC ");

        assertThat(options.serviceJvmOptions()).containsExactly("-Xms256m", "-Xmx1g", "-XX:+UseParallelGC");
    }

    @Test
    void shouldStartServicesWithTheJvmDefaultsWhenTheServiceJvmOptionsAreEmpty() {
        assertThat(StackOptions.parse("--service-jvm-options=").serviceJvmOptions()).isEmpty();
    }

    @Test
    void shouldRejectAServiceJvmOptionThatJavaWouldTakeForTheMainClass() {
        assertThatThrownBy(() -> StackOptions.parse("--service-jvm-options=-Xmx1g Xms1g"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Xms1g'");
        assertThatThrownBy(() -> StackOptions.parse("--service-jvm-options=-jar")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectServiceJvmOptionsWhenNoServiceIsStarted() {
        assertThatThrownBy(() -> StackOptions.parse("--infra-only=kafka", "--service-jvm-options=-Xmx1g"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--service-jvm-options");
    }
}
