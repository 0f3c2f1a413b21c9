package io.otcrouter.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Every credential of the local stack. What a person or a script uses is kept in the data directory, owner-only
 * ({@link SecretFile}): the desk's router key, a read key (ledger and prices), the pool admin key, a metrics key
 * (actuator of every service), an ops key (the dead-letter tools of every service) and the dashboard admin's
 * password. What only the stack's own processes use — the
 * dashboard's keys for the router, the pool service and the ledger — is generated afresh at every start and never written.
 * Services receive SHA-256 digests of keys and a bcrypt hash of the password, never the secrets themselves, except
 * the dashboard, which must present its own keys.
 */
record LocalCredentials(String deskKey, String readKey, String poolAdminKey, String metricsKey, String opsKey,
        String adminPassword, String dashboardRouterKey, String dashboardPoolKey, String dashboardLedgerKey) {

    static final String DESK_KEY_FILE = "router-api-key";
    static final String READ_KEY_FILE = "read-api-key";
    static final String POOL_ADMIN_KEY_FILE = "pool-admin-key";
    static final String METRICS_KEY_FILE = "metrics-api-key";
    static final String OPS_KEY_FILE = "ops-api-key";
    static final String ADMIN_PASSWORD_FILE = "dashboard-admin-password";
    static final String ADMIN_USER = "admin";

    static LocalCredentials loadOrCreate(Path dataDir) throws IOException {
        return new LocalCredentials(SecretFile.loadOrCreate(dataDir, DESK_KEY_FILE, "desk-"),
                SecretFile.loadOrCreate(dataDir, READ_KEY_FILE, "read-"),
                SecretFile.loadOrCreate(dataDir, POOL_ADMIN_KEY_FILE, "pool-admin-"),
                SecretFile.loadOrCreate(dataDir, METRICS_KEY_FILE, "metrics-"),
                SecretFile.loadOrCreate(dataDir, OPS_KEY_FILE, "ops-"),
                SecretFile.loadOrCreate(dataDir, ADMIN_PASSWORD_FILE, ""),
                SecretFile.generate("dashboard-"), SecretFile.generate("dashboard-"), SecretFile.generate("dashboard-"));
    }

    /** Credentials that live only in memory, for tests. */
    static LocalCredentials generate() {
        return new LocalCredentials(SecretFile.generate("desk-"), SecretFile.generate("read-"),
                SecretFile.generate("pool-admin-"), SecretFile.generate("metrics-"), SecretFile.generate("ops-"),
                SecretFile.generate(""),
                SecretFile.generate("dashboard-"), SecretFile.generate("dashboard-"), SecretFile.generate("dashboard-"));
    }

    /** Each service's credential variables, by module. */
    Map<String, Map<String, String>> environment() {
        Map<String, Map<String, String>> env = new LinkedHashMap<>();
        env.put("price-service", Map.of("PRICE_API_KEYS", keys(entry("reader", "read", readKey), metrics(), ops())));
        env.put("quote-service", Map.of("QUOTE_API_KEYS", keys(metrics(), ops())));
        env.put("otc-pool-service", Map.of("POOL_API_KEYS", keys(entry("admin", "admin+read", poolAdminKey),
                entry("dashboard", "admin+read", dashboardPoolKey), metrics(), ops())));
        env.put("ledger-service", Map.of("LEDGER_API_KEYS", keys(entry("reader", "read", readKey),
                entry("dashboard", "read", dashboardLedgerKey), metrics(), ops())));
        env.put("router-service", Map.of("ROUTER_API_KEYS", keys(entry("desk", "trade+read", deskKey),
                entry("dashboard", "trade+read+delegate", dashboardRouterKey), metrics(), ops())));
        env.put("dashboard-service", Map.of(
                "DASHBOARD_USERS", ADMIN_USER + ":admin:{bcrypt}" + new BCryptPasswordEncoder().encode(adminPassword),
                "ROUTER_API_KEY", dashboardRouterKey,
                "POOL_API_KEY", dashboardPoolKey,
                "LEDGER_API_KEY", dashboardLedgerKey));
        return env;
    }

    private String metrics() {
        return entry("metrics", "metrics", metricsKey);
    }

    /** The operator's key: the dead-letter tools of every service that has them, nothing else. */
    private String ops() {
        return entry("ops", "ops", opsKey);
    }

    private static String keys(String... entries) {
        return String.join(",", entries);
    }

    static String entry(String id, String scopes, String key) {
        return id + ":" + scopes + ":" + sha256Hex(key);
    }

    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "LocalCredentials[secrets not shown]";
    }
}
