package io.otcrouter.localstack;

/**
 * Which part of the system one local-stack process runs, chosen with {@code --infra-only[=kafka|postgres]}.
 * The broker and the database can run in two processes so that a fault run can kill and restart the broker
 * while PostgreSQL, in the other process, keeps running.
 */
enum StackMode {

    /** PostgreSQL, Kafka and the six services: the default. */
    FULL,
    /** {@code --infra-only}: PostgreSQL and Kafka, for services started by hand, from an IDE or by a script. */
    INFRA,
    /** {@code --infra-only=kafka}: the broker alone; PostgreSQL runs in another process. */
    KAFKA,
    /** {@code --infra-only=postgres}: the database alone; Kafka runs in another process. */
    POSTGRES;

    boolean runsServices() {
        return this == FULL;
    }
}
