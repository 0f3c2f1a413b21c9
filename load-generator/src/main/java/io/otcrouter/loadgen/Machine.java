package io.otcrouter.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** The machine the run is on, for the report. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = firstMatch(Path.of("/proc/cpuinfo"), "model name");
        String memKb = firstMatch(Path.of("/proc/meminfo"), "MemTotal").replace("kB", "").trim();
        String mem = memKb.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(memKb) / 1024.0 / 1024);
        String load = "";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "Machine: %d cores%s%s, %s %s, Java %s; load average %s; %s",
                Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "" : " (" + cpu + ")",
                mem.isEmpty() ? "" : ", " + mem, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), load, Instant.now());
    }

    private static String firstMatch(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
