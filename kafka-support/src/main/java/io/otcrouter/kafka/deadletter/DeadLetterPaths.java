package io.otcrouter.kafka.deadletter;

/**
 * Where every service serves its dead-letter tools ({@link DeadLetterController}), for the rule in its
 * {@code SecurityConfig} that keeps them to operators.
 */
public final class DeadLetterPaths {

    public static final String ROOT = "/admin/dead-letters";
    /** The root and everything under it. */
    public static final String ALL = ROOT + "/**";

    private DeadLetterPaths() {
    }
}
