package io.otcrouter.otcpool.support;

/**
 * The API keys the integration tests' service accepts: test values only, configured as in production by their
 * SHA-256 digests ({@code printf %s "$KEY" | sha256sum}). The admin is listed twice, with its current and its next
 * key, as during a rotation.
 */
public final class ApiKeys {

    public static final String HEADER = "X-API-Key";

    public static final String ADMIN_ID = "pool-admin";
    public static final String ADMIN = "test-pool-admin-key-2f6c1d";
    /** What the service holds of {@link #ADMIN}: presented as a key, it is just a wrong key. */
    public static final String ADMIN_DIGEST = "911ef9e53baa2dc6b5d918dc2bc55d593e9549f3c7c4402a6f06613114891422";
    /** The admin's next key: both are accepted while the rotation lasts. */
    public static final String ADMIN_NEXT = "test-pool-admin-key-rotated-9a41e7";
    public static final String READ = "test-pool-read-key-5be03a";
    public static final String METRICS = "test-pool-metrics-key-c77d12";
    /** An operator's key: the dead-letter tools only. */
    public static final String OPS = "test-pool-ops-key-4d8e21";
    /** A well-formed key nobody configured. */
    public static final String UNKNOWN = "test-pool-unknown-key-000000";

    /** {@code otc.security.api-keys} of the tests' service. */
    public static final String CONFIGURED = "otc.security.api-keys="
            + ADMIN_ID + ":admin:" + ADMIN_DIGEST + ","
            + ADMIN_ID + ":admin:2e0fa45ef46466742353033f28d2b59fdb7ecc2c116b2866315a78d8f3a41002,"
            + "pool-reader:read:f39955c157c04cffa543cbcb75b17ab7292dbd61a0377b1fbb64c8a0b567692e,"
            + "pool-metrics:metrics:10ecfad296299e30624c80baf8647a278c7b1679e95b674edf5d2ba40a82777f,"
            + "pool-ops:ops:579f12ffabe4fc51b3d20176b8341afcb1f644aa6c39444c588490bbc23ad91a";

    private ApiKeys() {
    }
}
