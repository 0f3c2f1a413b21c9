package io.otcrouter.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * Command line of local-stack, see {@link #USAGE}.
 *
 * @param serviceJvmOptions the options every service JVM is started with; {@code --service-jvm-options} replaces
 *                          the whole default set (heap included), so what is given is exactly what the JVMs get
 */
record StackOptions(StackMode mode, boolean demo, Path dataDir, List<String> serviceJvmOptions) {

    static final String USAGE = "usage: java -jar local-stack/target/local-stack.jar [--infra-only[=kafka|postgres]] [--demo]"
            + " [--service-jvm-options=\"<jvm options>\"] [--data-dir=<dir>]";
    private static final String INFRA_ONLY = "--infra-only";
    private static final String DATA_DIR = "--data-dir=";
    private static final String SERVICE_JVM_OPTIONS = "--service-jvm-options=";

    StackOptions {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /** True when this process starts no service (any {@code --infra-only}). */
    boolean infraOnly() {
        return !mode.runsServices();
    }

    static StackOptions parse(String... args) {
        StackMode mode = StackMode.FULL;
        boolean demo = false;
        Path dataDir = Path.of("data");
        List<String> serviceJvmOptions = null;
        for (String arg : args) {
            if (arg.equals(INFRA_ONLY) || arg.startsWith(INFRA_ONLY + "=")) {
                mode = onlyOneInfraMode(mode, infraMode(arg));
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.startsWith(SERVICE_JVM_OPTIONS)) {
                serviceJvmOptions = jvmOptions(arg.substring(SERVICE_JVM_OPTIONS.length()));
            } else if (arg.startsWith(DATA_DIR) && arg.length() > DATA_DIR.length()) {
                dataDir = Path.of(arg.substring(DATA_DIR.length()));
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'. " + USAGE);
            }
        }
        if (!mode.runsServices() && demo) {
            throw new IllegalArgumentException("--demo needs the services, so it cannot be combined with --infra-only. " + USAGE);
        }
        if (!mode.runsServices() && serviceJvmOptions != null) {
            throw new IllegalArgumentException("--service-jvm-options applies to the services, which --infra-only does not start. " + USAGE);
        }
        return new StackOptions(mode, demo, dataDir.toAbsolutePath().normalize(),
                serviceJvmOptions == null ? ServiceProcess.DEFAULT_JVM_OPTIONS : serviceJvmOptions);
    }

    private static StackMode infraMode(String arg) {
        return switch (arg) {
            case INFRA_ONLY -> StackMode.INFRA;
            case INFRA_ONLY + "=kafka" -> StackMode.KAFKA;
            case INFRA_ONLY + "=postgres" -> StackMode.POSTGRES;
            default -> throw new IllegalArgumentException("Unknown '" + arg + "': use --infra-only (Kafka and PostgreSQL),"
                    + " --infra-only=kafka or --infra-only=postgres. " + USAGE);
        };
    }

    /** Two different parts in one process would be the plain {@code --infra-only}; say so rather than guess. */
    private static StackMode onlyOneInfraMode(StackMode current, StackMode requested) {
        if (current != StackMode.FULL && current != requested) {
            throw new IllegalArgumentException("--infra-only given twice with different parts; use plain --infra-only"
                    + " to run Kafka and PostgreSQL in one process. " + USAGE);
        }
        return requested;
    }

    /**
     * Split on whitespace (no quoting inside: JVM flags rarely need spaces). Every word must be an option, because a
     * stray word would be taken by {@code java} as the main class. Empty means no options: the JVM's own defaults.
     */
    private static List<String> jvmOptions(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        List<String> options = List.of(value.trim().split("\\s+"));
        for (String option : options) {
            if (!option.startsWith("-") || option.equals("-jar")) {
                throw new IllegalArgumentException("'" + option + "' in --service-jvm-options is not a JVM option;"
                        + " give only options such as -Xmx1g or -XX:+UseG1GC. " + USAGE);
            }
        }
        return options;
    }
}
