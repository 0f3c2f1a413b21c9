package io.otcrouter.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The six services of the system and the environment each one is started with. */
public final class ServiceCatalog {

    /** The modules whose jars are launched, in the order they are started. */
    public static final List<String> MODULES = List.of(
            "price-service", "quote-service", "otc-pool-service", "ledger-service", "router-service", "dashboard-service");

    private ServiceCatalog() {
    }

    /** The services with their credentials ({@link LocalCredentials}), quote-service in {@code auto} Jupiter mode. */
    static List<ServiceSpec> standard(InfraEndpoints infra, ServicePorts ports, LocalCredentials credentials) {
        return standard(infra, ports, credentials, "auto");
    }

    /** @param jupiterMode quote-service's {@code JUPITER_MODE}: see {@link #jupiterMode(Map)} */
    static List<ServiceSpec> standard(InfraEndpoints infra, ServicePorts ports, LocalCredentials credentials,
            String jupiterMode) {
        Map<String, Map<String, String>> secrets = credentials.environment();
        return List.of(
                new ServiceSpec("price-service", ports.price(), kafkaOnly(infra, ports.price())),
                new ServiceSpec("quote-service", ports.quote(), kafkaOnly(infra, ports.quote()))
                        .withEnv("JUPITER_MODE", jupiterMode),
                new ServiceSpec("otc-pool-service", ports.otcPool(), withDatabase(infra, ports.otcPool()))
                        // Offline the only prices are STATIC ones; the local stack quotes on them anyway.
                        .withEnv("OTC_POOL_ALLOW_STALE_PRICES", "true"),
                new ServiceSpec("ledger-service", ports.ledger(), withDatabase(infra, ports.ledger())),
                new ServiceSpec("router-service", ports.router(), withDatabase(infra, ports.router())),
                new ServiceSpec("dashboard-service", ports.dashboard(), kafkaOnly(infra, ports.dashboard()))
                        .withEnv("ROUTER_URL", "http://127.0.0.1:" + ports.router())
                        .withEnv("POOL_URL", "http://127.0.0.1:" + ports.otcPool())
                        .withEnv("LEDGER_URL", "http://127.0.0.1:" + ports.ledger()))
                .stream().map(spec -> withAll(spec, secrets.getOrDefault(spec.module(), Map.of()))).toList();
    }

    private static ServiceSpec withAll(ServiceSpec spec, Map<String, String> env) {
        ServiceSpec with = spec;
        for (Map.Entry<String, String> entry : env.entrySet()) {
            with = with.withEnv(entry.getKey(), entry.getValue());
        }
        return with;
    }

    /**
     * "auto" (quote-service itself decides between the live Jupiter API and its simulated model), unless
     * {@code JUPITER_MODE} is exported: {@code simulated} keeps a benchmark off the network entirely.
     */
    static String jupiterMode(Map<String, String> environment) {
        String mode = environment.getOrDefault("JUPITER_MODE", "").trim();
        return mode.isEmpty() ? "auto" : mode;
    }

    /** The environment a service with a database needs; printed by {@code --infra-only} for running one from an IDE. */
    public static Map<String, String> withDatabase(InfraEndpoints infra, int port) {
        Map<String, String> env = kafkaOnly(infra, port);
        env.putAll(database(infra.jdbcUrl(), infra.databaseUsername(), infra.databasePassword()));
        return env;
    }

    /** How a service finds the broker; printed alone by {@code --infra-only=kafka}. */
    static Map<String, String> kafka(String bootstrapServers) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    }

    /** How a service finds its database; printed alone by {@code --infra-only=postgres}. */
    static Map<String, String> database(String jdbcUrl, String username, String password) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", jdbcUrl);
        env.put("DATABASE_USERNAME", username);
        env.put("DATABASE_PASSWORD", password);
        return env;
    }

    private static Map<String, String> kafkaOnly(InfraEndpoints infra, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        env.putAll(kafka(infra.bootstrapServers()));
        return env;
    }
}
