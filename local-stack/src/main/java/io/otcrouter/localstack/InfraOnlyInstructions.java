package io.otcrouter.localstack;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an {@code --infra-only} process logs once it is up: what runs, and the environment a service needs to reach it.
 * Scripts wait for the first line and read the {@code export} lines (load-generator/scripts/fault-run.sh), so each
 * mode's first line is distinct and each variable sits on a line of its own.
 */
final class InfraOnlyInstructions {

    static final String KAFKA_AND_POSTGRES_RUNNING = "Kafka and PostgreSQL are running.";
    static final String KAFKA_RUNNING = "Kafka is running.";
    static final String POSTGRES_RUNNING = "PostgreSQL is running.";

    private static final String NL = System.lineSeparator();

    private InfraOnlyInstructions() {
    }

    /** {@code --infra-only}: everything a service needs, with router-service as the example. */
    static String kafkaAndPostgres(Map<String, String> routerEnvironment) {
        return KAFKA_AND_POSTGRES_RUNNING + " To run a service yourself (example: router-service):" + NL
                + exports(routerEnvironment) + NL
                + "java -jar router-service/target/router-service.jar" + NL
                + "Press Ctrl-C to stop.";
    }

    /** {@code --infra-only=kafka}: the broker's address; the database comes from another process. */
    static String kafkaOnly(Map<String, String> kafkaEnvironment) {
        return KAFKA_RUNNING + " PostgreSQL is not: start it in another process with --infra-only=postgres."
                + " Services reach the broker with:" + NL
                + exports(kafkaEnvironment) + NL
                + "Press Ctrl-C to stop.";
    }

    /** {@code --infra-only=postgres}: the database's address; the broker comes from another process. */
    static String postgresOnly(Map<String, String> databaseEnvironment) {
        return POSTGRES_RUNNING + " Kafka is not: start it in another process with --infra-only=kafka."
                + " Services with a database reach it with:" + NL
                + exports(databaseEnvironment) + NL
                + "Press Ctrl-C to stop.";
    }

    private static String exports(Map<String, String> environment) {
        return environment.entrySet().stream()
                .map(entry -> "export " + entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(NL));
    }
}
