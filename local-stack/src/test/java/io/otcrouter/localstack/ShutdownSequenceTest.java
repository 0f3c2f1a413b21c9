package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShutdownSequenceTest {

    private final List<String> stopped = new ArrayList<>();
    private final ShutdownSequence shutdown = new ShutdownSequence();

    @Test
    void shouldStopTheNewestComponentFirst() {
        shutdown.add("infra", () -> stopped.add("infra"));
        shutdown.add("services", () -> stopped.add("services"));
        shutdown.add("demo", () -> stopped.add("demo"));

        shutdown.run();

        assertThat(stopped).containsExactly("demo", "services", "infra");
    }

    @Test
    void shouldKeepStoppingWhenOneComponentFails() {
        shutdown.add("infra", () -> stopped.add("infra"));
        shutdown.add("services", () -> {
            throw new IllegalStateException("boom");
        });

        shutdown.run();

        assertThat(stopped).containsExactly("infra");
    }
}
