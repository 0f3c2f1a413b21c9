package io.otcrouter.dashboard.api;

/**
 * The names of the JSON API's security schemes in its OpenAPI description, for the controllers' requirements: a
 * route accepts either, with the role its requirement names (the access rules themselves are in SecurityConfig).
 */
public final class ApiAccess {

    public static final String SESSION = "session";
    public static final String BASIC = "basic";
    public static final String VIEWER = "viewer";
    public static final String TRADER = "trader";
    public static final String ADMIN = "admin";

    private ApiAccess() {
    }
}
