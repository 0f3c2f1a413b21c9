package io.otcrouter.localstack;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops what was started, newest first (demo, services, then Kafka and PostgreSQL), from a single JVM shutdown hook.
 * One hook instead of one per component, because the JVM runs hooks concurrently and the order matters: services
 * must not lose their database or broker while they are still shutting down.
 */
final class ShutdownSequence implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSequence.class);

    private final Deque<Step> steps = new ConcurrentLinkedDeque<>();

    void add(String name, AutoCloseable resource) {
        steps.push(new Step(name, resource));
    }

    @Override
    public void run() {
        if (steps.isEmpty()) {
            return;
        }
        log.info("Shutting down local-stack");
        boolean clean = true;
        for (Step step = steps.poll(); step != null; step = steps.poll()) {
            long started = System.nanoTime();
            try {
                step.resource().close();
                log.info("Stopped {} in {} ms", step.name(), (System.nanoTime() - started) / 1_000_000);
            } catch (Exception e) {
                // Keep going: the remaining components must still be stopped.
                log.error("Failed to stop {}", step.name(), e);
                clean = false;
            }
        }
        if (clean) {
            log.info("local-stack stopped cleanly");
        } else {
            log.warn("local-stack stopped, but not everything shut down cleanly (see errors above)");
        }
    }

    private record Step(String name, AutoCloseable resource) {
    }
}
