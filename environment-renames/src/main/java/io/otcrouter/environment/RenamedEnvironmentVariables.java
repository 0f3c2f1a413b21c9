package io.otcrouter.environment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Keeps renamed environment variables working for one release, in every service: when an old name is set and its new
 * name is not, the old value, converted to what the new name expects, is offered under the new name, so the
 * configuration that reads the new name (application.yml placeholders) finds it. Each old name that is set costs one
 * WARN at start naming the new variable. Anything set under the new name wins. Registered in {@code META-INF/spring.factories} under
 * {@code org.springframework.boot.EnvironmentPostProcessor} (Boot 4's key).
 *
 * <p>To retire a rename, delete its line from {@link #RENAMES}.
 */
public class RenamedEnvironmentVariables implements EnvironmentPostProcessor {

    /** The property source holding the converted old values; it ranks just below the system environment. */
    static final String SOURCE_NAME = "renamedEnvironmentVariables";

    /** An environment variable renamed: its old name, its new one, and how an old value reads under the new name. */
    record Rename(String oldName, String newName, UnaryOperator<String> convert) {
    }

    /**
     * Every rename of this release, whichever services read the variable: one name means one thing everywhere, so an
     * old name set for a service that never read it is carried all the same (and warned about).
     */
    static final List<Rename> RENAMES = List.of(
            new Rename("OTC_OUTBOX_POLL_INTERVAL_MS", "OTC_OUTBOX_POLL_INTERVAL", RenamedEnvironmentVariables::millis),
            new Rename("OTC_LEDGER_SWEEP_INTERVAL_MS", "OTC_LEDGER_SWEEP_INTERVAL", RenamedEnvironmentVariables::millis),
            new Rename("KAFKA_MAX_BLOCK_MS", "KAFKA_PRODUCER_MAX_BLOCK_MS", UnaryOperator.identity()));

    private final Log log;
    private final List<Rename> renames;

    public RenamedEnvironmentVariables(DeferredLogFactory logs) {
        this(logs, RENAMES);
    }

    RenamedEnvironmentVariables(DeferredLogFactory logs, List<Rename> renames) {
        this.log = logs.getLog(RenamedEnvironmentVariables.class);
        this.renames = renames;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> carried = new HashMap<>();
        for (Rename rename : renames) {
            String old = environment.getProperty(rename.oldName());
            if (old == null) {
                continue;
            }
            if (environment.containsProperty(rename.newName())) {
                log.warn(rename.oldName() + " is no longer read and is ignored: " + rename.newName() + " is set");
                continue;
            }
            String converted;
            try {
                converted = rename.convert().apply(old);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(rename.oldName() + ": " + e.getMessage(), e);
            }
            carried.put(rename.newName(), converted);
            log.warn(rename.oldName() + " is deprecated and will be removed in the next release: read as "
                    + rename.newName() + "=" + converted + "; set " + rename.newName() + " instead");
        }
        if (carried.isEmpty()) {
            return;
        }
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource source = new MapPropertySource(SOURCE_NAME, carried);
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
    }

    /** A whole number of milliseconds (the old variables' unit) as a Duration string: {@code 250} -> {@code 250ms}. */
    static String millis(String value) {
        String trimmed = value.trim();
        if (!trimmed.matches("\\d+")) {
            throw new IllegalArgumentException("Expected a whole number of milliseconds, got '" + value + "'");
        }
        return trimmed + "ms";
    }
}
