package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuReportTest {

    @Test
    void shouldShareEachProcessesCpuOutOverTheAcceptedTradesBusiestFirst() {
        String report = CpuMeter.cpuReport(Map.of("router-service.jar", 1_000L, "postgres", 500L),
                Map.of("router-service.jar", 1_400L, "postgres", 700L), 10.0, 1.5, 1_000);

        // 400 ticks = 4 s over 1,000 trades = 4 ms each; 200 ticks = 2 ms each; 6 s over 10 s = 0.6 cores
        assertThat(report).contains("router-service.jar 4.00; postgres 2.00;")
                .contains("stack total 6.00 ms/trade (6.0 s, 0.60 cores busy on average)")
                .contains("load generator 1.50 ms/trade (1.5 s)");
    }

    @Test
    void shouldLabelJarsAndPostgresAndOtherCommands() {
        assertThat(StackMemory.label("java -Xmx384m -jar /work/main/router-service/target/router-service.jar"))
                .isEqualTo("router-service.jar");
        assertThat(StackMemory.label("postgres: otcrouter postgres 127.0.0.1(4242) idle")).isEqualTo("postgres");
        assertThat(StackMemory.label("/usr/bin/bash -c run")).isEqualTo("bash");
    }

    @Test
    void shouldReadUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses(@TempDir Path process)
            throws Exception {
        // fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        Files.writeString(process.resolve("stat"), "42 (java (x) y) S 1 42 42 0 -1 4194560 10 0 0 0 150 25 0 0 20 0");

        assertThat(StackMemory.cpuTicks(process)).isEqualTo(175L);
    }
}
