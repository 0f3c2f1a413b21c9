package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    void shouldRunEverythingWithDataInTheWorkingDirectoryByDefault() {
        StackOptions options = StackOptions.parse();

        assertThat(options.infraOnly()).isFalse();
        assertThat(options.demo()).isFalse();
        assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void shouldAcceptInfraOnlyAndADataDirectory() {
        StackOptions options = StackOptions.parse("--infra-only", "--data-dir=/tmp/stack");

        assertThat(options.infraOnly()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
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
    }
}
