package io.otcrouter.dashboard;

/**
 * The people the tests sign in as, one per role: names, passwords and their bcrypt hashes (cost 10), computed once
 * with Spring Security's {@code BCryptPasswordEncoder}. Test values only.
 */
public final class TestUsers {

    public record TestUser(String name, String password) {
    }

    public static final TestUser VIEWER = new TestUser("vera.viewer", "test-viewer-password-1");
    public static final TestUser TRADER = new TestUser("tom.trader", "test-trader-password-1");
    /** A name with '@', which router-service accepts in X-On-Behalf-Of as well. */
    public static final TestUser ADMIN = new TestUser("ada@admin", "test-admin-password-1");

    /** {@code otc.dashboard.users} as {@code DASHBOARD_USERS} would set it, for {@code @SpringBootTest(properties)}. */
    public static final String USERS_PROPERTY = "otc.dashboard.users="
            + "vera.viewer:viewer:{bcrypt}$2a$10$tq6wA1C2mynjfWIQvSE/S.3PrRChu673ZQ9AuoBxDwj4UtIENzB1y,"
            + "tom.trader:trader:{bcrypt}$2a$10$BgvEVcecbwTFeGNdTdMBsu332mJ5PWt.82ssMLjLDkAHF2CHNJYsK,"
            + "ada@admin:admin:{bcrypt}$2a$10$sq7MkL5U.xe4kmZlvXpOPuZg5qrpjUHL6sZ/8lBe3pHc4cxgTfFye";

    private TestUsers() {
    }
}
