package io.otcrouter.router;

/**
 * The API keys the tests authenticate with: made-up keys and their SHA-256 digests ({@code printf %s KEY | sha256sum}),
 * configured as {@code ROUTER_API_KEYS} would be. Never real secrets.
 */
final class TestApiKeys {

    /** Key id {@code desk}, scope trade. */
    static final String DESK = "test-desk-key-4f1c9a7e2b";
    /** The desk's next key while it is rotated: same id, both accepted. */
    static final String DESK_ROTATED = "test-desk-key-rotated-8d3e";
    /** Key id {@code other-desk}, scope trade: another client of the same router. */
    static final String OTHER_DESK = "test-other-desk-key-61a0c5";
    /** Key id {@code auditor}, scope read. */
    static final String AUDITOR = "test-auditor-key-2b7e90";
    /** Key id {@code dashboard}, scopes trade, read and delegate: trades on behalf of signed-in people. */
    static final String DASHBOARD = "test-dashboard-key-c4d81f";
    /** Key id {@code prometheus}, scope metrics. */
    static final String METRICS = "test-metrics-key-9e02ab";
    /** Key id {@code operator}, scope ops: the dead-letter tools and nothing else. */
    static final String OPS = "test-ops-key-3c7d5e01";
    /** Key id {@code limited}, scope trade: only SecurityIT's rate-limit test spends its bucket. */
    static final String LIMITED = "test-limited-key-57f3d1";
    /** Key id {@code fuzzer}, scope trade: only SecurityIT's hostile input spends its bucket. */
    static final String FUZZER = "test-hostile-key-0a9b8c";

    /** {@code otc.security.api-keys} as ROUTER_API_KEYS sets it, with every key above. */
    static final String PROPERTY = "otc.security.api-keys="
            + "desk:trade:37aad1b5d4f2dd2ddbd3693c3be023683e5a8b8cbc0daf092ce7f46a663e463c,"
            + "desk:trade:6fe4ee8b16658b8da57fde8e55bcef8d1a2ce30eba787580ebe7e1e6a4fe486c,"
            + "other-desk:trade:36bafd64e8ebbc07b0d45d08ef574cbd5fd59200c1402dfaf11cf9a68c2e8fc4,"
            + "auditor:read:32086926001dddcc5dcdf7e2a0f830b101188dd776e2b175aab82547df6b6d8a,"
            + "dashboard:trade+read+delegate:74d2b994ba607ca4fb795a3a5b997b231cd66862e971537ad24824bd0cdf0c60,"
            + "prometheus:metrics:fcc0cf922f1e049ca96d3ea478b0366b529c845165dd5678cac1e926d504fc36,"
            + "operator:ops:6ad2ee6530a445aef829debff4df97b3f1fa46f770bfa6a495c1f0f1bec15796,"
            + "limited:trade:5d049719f7b0701f1c1cbee06c55d660c621628d250257537993545d4fb558a9,"
            + "fuzzer:trade:0d0ce273f2986a3ff195c065c608c92ef23832f8fe31f5cf5735f16c14682337";

    private TestApiKeys() {
    }
}
