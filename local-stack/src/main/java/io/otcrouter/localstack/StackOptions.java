package io.otcrouter.localstack;

import java.nio.file.Path;

/** Command line of local-stack: {@code [--infra-only] [--demo] [--data-dir=<dir>]}. */
record StackOptions(boolean infraOnly, boolean demo, Path dataDir) {

    static final String USAGE = "usage: java -jar local-stack/target/local-stack.jar [--infra-only] [--demo] [--data-dir=<dir>]";
    private static final String DATA_DIR = "--data-dir=";

    static StackOptions parse(String... args) {
        boolean infraOnly = false;
        boolean demo = false;
        Path dataDir = Path.of("data");
        for (String arg : args) {
            if (arg.equals("--infra-only")) {
                infraOnly = true;
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.startsWith(DATA_DIR) && arg.length() > DATA_DIR.length()) {
                dataDir = Path.of(arg.substring(DATA_DIR.length()));
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'. " + USAGE);
            }
        }
        if (infraOnly && demo) {
            throw new IllegalArgumentException("--demo needs the services, so it cannot be combined with --infra-only. " + USAGE);
        }
        return new StackOptions(infraOnly, demo, dataDir.toAbsolutePath().normalize());
    }
}
