package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

    private static final InfraEndpoints INFRA =
            new InfraEndpoints("127.0.0.1:29092", "jdbc:postgresql://127.0.0.1:54329/otcrouter", "postgres", "postgres");

    private static final LocalCredentials CREDENTIALS = LocalCredentials.generate();

    private final Map<String, ServiceSpec> services = ServiceCatalog.standard(INFRA, ServicePorts.DEFAULTS, CREDENTIALS).stream()
            .collect(Collectors.toMap(ServiceSpec::module, Function.identity()));

    @Test
    void shouldRunTheSixServicesOnTheirDocumentedPorts() {
        assertThat(services).hasSize(6);
        assertThat(services.values()).extracting(ServiceSpec::module, ServiceSpec::port).containsExactlyInAnyOrder(
                tuple("dashboard-service", 8080), tuple("router-service", 8081), tuple("price-service", 8082),
                tuple("quote-service", 8083), tuple("otc-pool-service", 8084), tuple("ledger-service", 8085));
    }

    @Test
    void shouldLaunchExactlyTheModulesWhoseJarsAreChecked() {
        assertThat(ServiceCatalog.standard(INFRA, ServicePorts.DEFAULTS, CREDENTIALS)).extracting(ServiceSpec::module)
                .containsExactlyElementsOf(ServiceCatalog.MODULES);
    }

    @Test
    void shouldGiveEveryServiceItsPortAndKafka() {
        assertThat(services.values()).allSatisfy(service -> assertThat(service.environment())
                .contains(entry("SERVER_PORT", String.valueOf(service.port())), entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:29092")));
    }

    @Test
    void shouldGiveTheDatabaseOnlyToTheServicesThatOwnTables() {
        List<String> withDatabase = services.values().stream()
                .filter(service -> service.environment().containsKey("DATABASE_URL")).map(ServiceSpec::module).toList();

        assertThat(withDatabase).containsExactlyInAnyOrder("otc-pool-service", "ledger-service", "router-service");
        assertThat(services.get("ledger-service").environment()).contains(
                entry("DATABASE_URL", "jdbc:postgresql://127.0.0.1:54329/otcrouter"),
                entry("DATABASE_USERNAME", "postgres"), entry("DATABASE_PASSWORD", "postgres"));
    }

    @Test
    void shouldPointTheDashboardAtTheRouterAndQuotesAtAutoMode() {
        assertThat(services.get("dashboard-service").environment()).containsEntry("ROUTER_URL", "http://127.0.0.1:8081")
                .containsEntry("POOL_URL", "http://127.0.0.1:8084");
        assertThat(services.get("quote-service").environment()).containsEntry("JUPITER_MODE", "auto");
    }

    @Test
    void shouldGiveServicesDigestsOfTheKeysAndTheDashboardOnlyItsOwnKeys() {
        String routerKeys = services.get("router-service").environment().get("ROUTER_API_KEYS");
        assertThat(routerKeys.split(",")).containsExactly(
                "desk:trade+read:" + LocalCredentials.sha256Hex(CREDENTIALS.deskKey()),
                "dashboard:trade+read+delegate:" + LocalCredentials.sha256Hex(CREDENTIALS.dashboardRouterKey()),
                "metrics:metrics:" + LocalCredentials.sha256Hex(CREDENTIALS.metricsKey()),
                "ops:ops:" + LocalCredentials.sha256Hex(CREDENTIALS.opsKey()));
        for (String[] keys : List.of(new String[] {"otc-pool-service", "POOL_API_KEYS"},
                new String[] {"ledger-service", "LEDGER_API_KEYS"}, new String[] {"price-service", "PRICE_API_KEYS"},
                new String[] {"quote-service", "QUOTE_API_KEYS"})) {
            assertThat(services.get(keys[0]).environment().get(keys[1])).as(keys[0])
                    .endsWith(",ops:ops:" + LocalCredentials.sha256Hex(CREDENTIALS.opsKey()));
        }
        assertThat(services.get("otc-pool-service").environment().get("POOL_API_KEYS"))
                .startsWith("admin:admin+read:" + LocalCredentials.sha256Hex(CREDENTIALS.poolAdminKey()));
        assertThat(services.get("ledger-service").environment().get("LEDGER_API_KEYS"))
                .startsWith("reader:read:" + LocalCredentials.sha256Hex(CREDENTIALS.readKey()) + ",dashboard:read:"
                        + LocalCredentials.sha256Hex(CREDENTIALS.dashboardLedgerKey()) + ",");
        assertThat(services.get("price-service").environment()).containsKey("PRICE_API_KEYS");
        assertThat(services.get("quote-service").environment()).containsKey("QUOTE_API_KEYS");
        assertThat(services.get("dashboard-service").environment())
                .containsEntry("ROUTER_API_KEY", CREDENTIALS.dashboardRouterKey())
                .containsEntry("POOL_API_KEY", CREDENTIALS.dashboardPoolKey())
                .containsEntry("LEDGER_API_KEY", CREDENTIALS.dashboardLedgerKey())
                .containsEntry("LEDGER_URL", "http://127.0.0.1:" + ServicePorts.DEFAULTS.ledger());
        List<String> secrets = List.of(CREDENTIALS.deskKey(), CREDENTIALS.readKey(), CREDENTIALS.poolAdminKey(),
                CREDENTIALS.metricsKey(), CREDENTIALS.opsKey(), CREDENTIALS.adminPassword());
        assertThat(services.values()).allSatisfy(service -> assertThat(service.environment().values())
                .allSatisfy(value -> assertThat(secrets).noneMatch(value::contains)));
    }

    @Test
    void shouldSignInTheDashboardAdminWithABcryptHashOfTheGeneratedPassword() {
        String users = services.get("dashboard-service").environment().get("DASHBOARD_USERS");
        assertThat(users).startsWith("admin:admin:{bcrypt}$2a$");
        assertThat(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                .matches(CREDENTIALS.adminPassword(), users.substring("admin:admin:{bcrypt}".length()))).isTrue();
    }

    @Test
    void shouldLetPoolsQuoteOnStaticPricesOffline() {
        assertThat(services.get("otc-pool-service").environment()).containsEntry("OTC_POOL_ALLOW_STALE_PRICES", "true");
    }

    @Test
    void shouldRunJupiterInAutoModeUnlessAnotherModeIsExported() {
        assertThat(ServiceCatalog.jupiterMode(Map.of())).isEqualTo("auto");
        assertThat(ServiceCatalog.jupiterMode(Map.of("JUPITER_MODE", " "))).isEqualTo("auto");
        assertThat(ServiceCatalog.jupiterMode(Map.of("JUPITER_MODE", "simulated"))).isEqualTo("simulated");
    }
}
