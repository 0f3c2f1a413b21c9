package io.otcrouter.localstack;

/** Addresses and credentials of the running Kafka and PostgreSQL, as handed to the services. */
public record InfraEndpoints(String bootstrapServers, String jdbcUrl, String databaseUsername, String databasePassword) {
}
