package io.otcrouter.localstack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services as child processes. All are launched at once and then watched together until every one reports UP:
 * starting them one by one would add up six Spring Boot start times.
 */
public final class Services implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private static final Logger log = LoggerFactory.getLogger(Services.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final List<ServiceProcess> processes;

    private Services(List<ServiceProcess> processes) {
        this.processes = processes;
    }

    /** Fails with instructions when a service jar has not been built yet; cheap, so call it before starting the infra. */
    public static void requireJars(Path repoRoot, List<String> modules) {
        List<String> missing = modules.stream().map(module -> ServiceSpec.jar(repoRoot, module))
                .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing service jars " + missing + ". Build them first: ./mvnw -DskipTests package");
        }
    }

    /** {@link #start(Path, Path, List, Duration, List)} with the default service JVM options. */
    public static Services start(Path repoRoot, Path logDir, List<ServiceSpec> specs, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        return start(repoRoot, logDir, specs, timeout, ServiceProcess.DEFAULT_JVM_OPTIONS);
    }

    /**
     * Launches every service with {@code jvmOptions} and returns once all are healthy; on failure or timeout all of
     * them are stopped again.
     */
    public static Services start(Path repoRoot, Path logDir, List<ServiceSpec> specs, Duration timeout, List<String> jvmOptions)
            throws IOException, InterruptedException, TimeoutException {
        requireJars(repoRoot, specs.stream().map(ServiceSpec::module).toList());
        specs.forEach(spec -> Ports.requireFree(spec.port(), spec.module()));
        Files.createDirectories(logDir);
        List<ServiceProcess> processes = new ArrayList<>();
        Services services = new Services(processes);
        try {
            for (ServiceSpec spec : specs) {
                processes.add(ServiceProcess.launch(spec, repoRoot, logDir, jvmOptions));
            }
            log.info("Launched {} services with JVM options {}, waiting up to {} s for them to be healthy (logs in {})",
                    processes.size(), jvmOptions, timeout.toSeconds(), logDir);
            services.awaitHealthy(timeout);
            return services;
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            try {
                services.close();
            } catch (InterruptedException | RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, TimeoutException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Set<ServiceProcess> pending = new LinkedHashSet<>(processes);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (true) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.module() + " exited during startup; see " + service.logFile());
                }
                if (service.isHealthy(http)) {
                    pending.remove(service);
                    log.info("{} healthy after {} s", service.module(), String.format(Locale.ROOT, "%.1f", service.secondsSinceStart()));
                }
            }
            if (pending.isEmpty()) {
                log.info("All {} services healthy after {} s", processes.size(), String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Not healthy after " + timeout.toSeconds() + " s: " + pending.stream()
                        .map(s -> s.module() + " (see " + s.logFile() + ")").collect(Collectors.joining(", ")));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** SIGTERM to all at once, up to 15 s for them to finish, then a forced kill of the ones still running. */
    @Override
    public void close() throws InterruptedException {
        processes.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ServiceProcess service : processes) {
            if (service.awaitStop(deadline)) {
                log.info("{} stopped", service.module());
            } else {
                log.warn("{} did not stop within {} s and was killed", service.module(), STOP_GRACE.toSeconds());
            }
        }
    }
}
