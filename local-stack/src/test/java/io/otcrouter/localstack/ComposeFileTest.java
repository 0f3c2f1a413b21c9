package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * There is no Docker engine on our machines, so {@code docker-compose.yml} is checked here instead of run:
 * every variable compose gives a service is one the service reads (none unknown), every variable the service
 * needs without a default is given (none missing), ports are unique, images pinned, every container has a
 * healthcheck and every dependency waits for health.
 */
class ComposeFileTest {

    /** Read by Spring Boot itself or the JVM, not through our application.yml placeholders. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private static final Path ROOT = RepoRoot.find();
    private static final Map<String, Object> COMPOSE = load(ROOT.resolve("docker-compose.yml"));

    static List<String> applicationServices() {
        return ServiceCatalog.MODULES;
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void shouldGiveEachServiceOnlyVariablesItReads(String module) throws IOException {
        Set<String> unknown = new TreeSet<>(environment(module).keySet());
        unknown.removeAll(variablesRead(module).keySet());
        unknown.removeAll(PLATFORM_VARIABLES);

        assertThat(unknown).as("variables %s does not read", module).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void shouldGiveEachServiceEveryVariableItNeedsInContainers(String module) throws IOException {
        Set<String> missing = new TreeSet<>();
        variablesRead(module).forEach((name, hasDefault) -> {
            if (!hasDefault) {
                missing.add(name);
            }
        });
        // Defaults point at localhost; in containers these must always be set.
        missing.add("SERVER_PORT");
        missing.add("KAFKA_BOOTSTRAP_SERVERS");
        if (variablesRead(module).containsKey("DATABASE_URL")) {
            missing.addAll(List.of("DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD"));
        }
        missing.removeAll(environment(module).keySet());

        assertThat(missing).as("variables compose must give %s", module).isEmpty();
    }

    @Test
    void shouldPublishOnlyTheDashboardAndTheRouterEachOnItsDocumentedPort() {
        Map<String, List<String>> published = new java.util.TreeMap<>();
        services().forEach((name, service) -> ((List<?>) service.getOrDefault("ports", List.of()))
                .forEach(port -> published.computeIfAbsent(name, n -> new ArrayList<>()).add(String.valueOf(port))));

        assertThat(published).isEqualTo(Map.of("dashboard-service", List.of("8080:8080"), "router-service",
                List.of("8081:8081")));
        Map<String, Integer> documented = Map.of("dashboard-service", 8080, "router-service", 8081, "price-service",
                8082, "quote-service", 8083, "otc-pool-service", 8084, "ledger-service", 8085);
        documented.forEach((module, port) -> assertThat(String.valueOf(environment(module).get("SERVER_PORT")))
                .as(module).isEqualTo(String.valueOf(port)));
    }

    @Test
    void shouldPinEveryImageAndBuildEveryServiceFromThisRepository() {
        services().forEach((name, service) -> {
            if (service.containsKey("image")) {
                String image = String.valueOf(service.get("image"));
                assertThat(image).as(name).contains(":").doesNotEndWith(":latest");
            } else {
                assertThat(service).as(name).containsKey("build");
            }
        });
    }

    @Test
    void shouldHealthCheckEveryContainerAndStartOnlyOnHealthyDependencies() {
        assertThat(COMPOSE).doesNotContainKey("version");
        services().forEach((name, service) -> {
            assertThat(service).as(name).containsKey("healthcheck").containsKey("mem_limit").doesNotContainKey("links");
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                assertThat(dependsOn).as(name).isInstanceOf(Map.class);
                ((Map<?, ?>) dependsOn).values().forEach(condition -> assertThat(((Map<?, ?>) condition).get("condition"))
                        .as(name).isEqualTo("service_healthy"));
            }
        });
    }

    @Test
    void shouldRefuseToStartWithoutEveryCredential() {
        Map<String, List<String>> required = Map.of("router-service", List.of("ROUTER_API_KEYS"),
                "otc-pool-service", List.of("POOL_API_KEYS"), "ledger-service", List.of("LEDGER_API_KEYS"),
                "price-service", List.of("PRICE_API_KEYS"), "quote-service", List.of("QUOTE_API_KEYS"),
                "dashboard-service", List.of("ROUTER_API_KEY", "POOL_API_KEY", "LEDGER_API_KEY",
                        "DASHBOARD_USERS"));
        required.forEach((module, variables) -> variables.forEach(variable -> assertThat(
                String.valueOf(environment(module).get(variable))).as(module + " " + variable)
                .startsWith("${" + variable + ":?").doesNotContain("{bcrypt}")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepKafkasLogOnItsVolume() {
        Map<String, Object> kafka = services().get("kafka");
        String logDirs = String.valueOf(((Map<String, Object>) kafka.get("environment")).get("KAFKA_LOG_DIRS"));
        assertThat((List<String>) kafka.get("volumes")).as("a volume mounted where the broker writes its log")
                .anySatisfy(volume -> assertThat(volume).endsWith(":" + logDirs));
    }

    @Test
    void shouldKeepTheDataDirectoryAndCredentialsOutOfTheImageBuild() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(ignored).as("COPY . . must not copy the local stack's database, Kafka log, keys or .env")
                .contains("data/", ".env");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) COMPOSE.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String module) {
        Map<String, Object> service = services().get(module);
        assertThat(service).as("compose service %s", module).isNotNull();
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    /** Every {@code ${VAR}} or {@code ${VAR:default}} in the service's application*.yml, and whether it has a default. */
    private static Map<String, Boolean> variablesRead(String module) throws IOException {
        Map<String, Boolean> variables = new java.util.HashMap<>();
        Path resources = ROOT.resolve(module).resolve("src/main/resources");
        Set<Path> files = new HashSet<>();
        try (var stream = Files.list(resources)) {
            stream.filter(p -> p.getFileName().toString().matches("application(-docker)?\\.ya?ml")).forEach(files::add);
        }
        for (Path file : files) {
            Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
            while (matcher.find()) {
                variables.merge(matcher.group(1), matcher.group(2) != null, Boolean::logicalOr);
            }
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
