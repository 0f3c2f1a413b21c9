package io.otcrouter.ledger;

/**
 * The API keys the integration tests' ledger accepts: test values only, configured as in production by their
 * SHA-256 digests ({@code printf %s "$KEY" | sha256sum}). The reader is listed twice, with its current and its next
 * key, as during a rotation.
 */
final class ApiKeys {

    static final String HEADER = "X-API-Key";

    static final String READER_ID = "ledger-reader";
    static final String READ = "test-ledger-read-key-41d8a2";
    /** What the service holds of {@link #READ}: presented as a key, it is just a wrong key. */
    static final String READ_DIGEST = "463755095cf832872047fd3728202d12b752a61e89da4a36a53cafa172d125d4";
    /** The reader's next key: both are accepted while the rotation lasts. */
    static final String READ_NEXT = "test-ledger-read-key-next-7e90c3";
    static final String METRICS = "test-ledger-metrics-key-b3f615";
    /** The dead-letter tools' key (scope ops). */
    static final String OPS = "test-ledger-ops-key-5c21e9";
    /** A well-formed key nobody configured. */
    static final String UNKNOWN = "test-ledger-unknown-key-000000";

    /** {@code otc.security.api-keys} of the tests' service. */
    static final String CONFIGURED = "otc.security.api-keys="
            + READER_ID + ":read:" + READ_DIGEST + ","
            + READER_ID + ":read:48cd99d34e6b38c28cd55e63a817dcf07b34fab7dd911247cc387624fb75785c,"
            + "ledger-metrics:metrics:b3af51eaa80028a59ac757843f5b0ec8d62fea0fae94f88ae3a627f0f1c14b0a,"
            + "ledger-ops:ops:569f36e7ef33eef6e976c8f214fd2a35fd07d4bd2b6aa545766885facb61cc22";

    private ApiKeys() {
    }
}
