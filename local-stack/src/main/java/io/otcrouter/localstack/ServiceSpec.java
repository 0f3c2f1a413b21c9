package io.otcrouter.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One service to launch: its Maven module (also the jar name), its HTTP port and its environment. */
public record ServiceSpec(String module, int port, Map<String, String> environment) {

    public ServiceSpec {
        environment = Map.copyOf(environment);
    }

    /** A copy with one more (or a replaced) environment variable, e.g. for a test that needs a different setting. */
    public ServiceSpec withEnv(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(environment);
        copy.put(key, value);
        return new ServiceSpec(module, port, copy);
    }

    /** The variables' names only: the environment holds the dashboard's own keys. */
    @Override
    public String toString() {
        return "ServiceSpec[" + module + " on " + port + ", environment " + environment.keySet() + "]";
    }

    /** Where {@code ./mvnw package} puts the executable jar (each service sets finalName to its module name). */
    public Path jar(Path repoRoot) {
        return jar(repoRoot, module);
    }

    static Path jar(Path repoRoot, String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
