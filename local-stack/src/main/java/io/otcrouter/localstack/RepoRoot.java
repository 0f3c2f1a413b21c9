package io.otcrouter.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository checkout whose service jars are launched: a directory with pom.xml and router-service/. */
final class RepoRoot {

    private RepoRoot() {
    }

    /** Tries the working directory first, then the location of the local-stack jar, walking up from each. */
    static Path find() {
        Path workingDir = Path.of("").toAbsolutePath();
        // With "java -jar", java.class.path is exactly the jar, which avoids decoding Spring Boot's nested-jar URLs.
        Path jar = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
        return walkUp(workingDir)
                .or(() -> walkUp(jar))
                .orElseThrow(() -> new IllegalStateException("Cannot find the repository root (a directory with pom.xml"
                        + " and router-service/) above " + workingDir + " or " + jar + ". Run local-stack from the repository."));
    }

    static Optional<Path> walkUp(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("router-service"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
