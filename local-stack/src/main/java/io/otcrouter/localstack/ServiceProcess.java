package io.otcrouter.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One service running as a child {@code java -jar} process, with its output appended to {@code <logDir>/<module>.log}. */
final class ServiceProcess {

    /**
     * Six JVMs share a small machine: a modest heap and C1-only JIT cut start time and memory noticeably,
     * and peak throughput does not matter for a local stack. A benchmark that does care replaces the whole set
     * with {@code --service-jvm-options}.
     */
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final long startedNanos;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile, long startedNanos) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
        this.startedNanos = startedNanos;
    }

    static ServiceProcess launch(ServiceSpec spec, Path repoRoot, Path logDir, List<String> jvmOptions) throws IOException {
        Path logFile = logDir.resolve(spec.module() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command(spec.jar(repoRoot), jvmOptions))
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(spec.environment());
        return new ServiceProcess(spec, builder.start(), logFile, System.nanoTime());
    }

    /** The same java as this launcher's, so the services run on the JDK the user started local-stack with. */
    static List<String> command(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    String module() {
        return spec.module();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** True once /actuator/health answers 200 with status UP. */
    boolean isHealthy(HttpClient http) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + spec.port() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
        } catch (IOException notListeningYet) {
            // Connection refused or timed out: the service is still starting. Death is detected via isAlive().
            return false;
        }
    }

    /** Asks the service to stop (SIGTERM, so Spring shuts down gracefully) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the process to exit until {@code deadlineNanos}, then kills it. Returns true if it exited by itself. */
    boolean awaitStop(long deadlineNanos) throws InterruptedException {
        long remaining = Math.max(0, deadlineNanos - System.nanoTime());
        if (process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return false;
    }
}
