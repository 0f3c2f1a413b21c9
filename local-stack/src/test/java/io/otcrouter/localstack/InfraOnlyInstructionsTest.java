package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first line and the export lines are read by load-generator/scripts/fault-run.sh; these tests pin them. */
class InfraOnlyInstructionsTest {

    private static final String BOOTSTRAP_SERVERS = "127.0.0.1:29092";
    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:54329/otcrouter";
    private static final InfraEndpoints INFRA = new InfraEndpoints(BOOTSTRAP_SERVERS, JDBC_URL, "postgres", "postgres");

    @Test
    void shouldKeepTheRunningLineScriptsWaitForWhenBothRun() {
        String message = InfraOnlyInstructions.kafkaAndPostgres(ServiceCatalog.withDatabase(INFRA, 8081));

        assertThat(message).startsWith("Kafka and PostgreSQL are running. To run a service yourself (example: router-service):")
                .contains("export KAFKA_BOOTSTRAP_SERVERS=" + BOOTSTRAP_SERVERS, "export DATABASE_URL=" + JDBC_URL,
                        "java -jar router-service/target/router-service.jar");
    }

    @Test
    void shouldPrintOnlyTheBrokerAddressWhenOnlyKafkaRuns() {
        String message = InfraOnlyInstructions.kafkaOnly(ServiceCatalog.kafka(BOOTSTRAP_SERVERS));

        assertThat(message).startsWith(InfraOnlyInstructions.KAFKA_RUNNING)
                .doesNotContain(InfraOnlyInstructions.KAFKA_AND_POSTGRES_RUNNING, InfraOnlyInstructions.POSTGRES_RUNNING,
                        "DATABASE_URL")
                .contains("--infra-only=postgres");
        assertThat(message.lines()).contains("export KAFKA_BOOTSTRAP_SERVERS=" + BOOTSTRAP_SERVERS);
    }

    @Test
    void shouldPrintOnlyTheDatabaseWhenOnlyPostgresRuns() {
        String message = InfraOnlyInstructions.postgresOnly(ServiceCatalog.database(JDBC_URL, "postgres", "postgres"));

        assertThat(message).startsWith(InfraOnlyInstructions.POSTGRES_RUNNING)
                .doesNotContain(InfraOnlyInstructions.KAFKA_AND_POSTGRES_RUNNING, InfraOnlyInstructions.KAFKA_RUNNING,
                        "KAFKA_BOOTSTRAP_SERVERS")
                .contains("--infra-only=kafka");
        assertThat(message.lines()).contains("export DATABASE_URL=" + JDBC_URL, "export DATABASE_USERNAME=postgres",
                "export DATABASE_PASSWORD=postgres");
    }
}
