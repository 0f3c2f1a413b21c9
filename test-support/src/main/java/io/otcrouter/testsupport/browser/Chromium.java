package io.otcrouter.testsupport.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium and ChromeDriver, which the browser tests drive. Locally, a missing or mismatched pair skips
 * those tests with a message saying what to install; in CI ({@code CI=true}, as {@code .ci/run} sets it, or
 * {@code -Dotc.browser-tests=required}) it fails them, so a green CI run always includes the browser.
 */
public final class Chromium {

    public static final Path BINARY = Path.of(System.getProperty("otc.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("otc.chromedriver", "/usr/bin/chromedriver"));
    private static final System.Logger LOG = System.getLogger(Chromium.class.getName());
    private static final Pattern MAJOR_VERSION = Pattern.compile("\\b(\\d+)\\.\\d+\\.\\d+\\.\\d+\\b");

    private Chromium() {
    }

    /** Call from {@code @BeforeAll}: returns when the browser tests can run, skips or fails them otherwise. */
    public static void require() {
        Optional<String> problem = problem();
        if (problem.isEmpty()) {
            return;
        }
        String message = problem.get() + "; install Debian's chromium and chromium-driver (.ci/run does)";
        if (required()) {
            fail("browser tests are required here (CI): " + message);
        }
        // An aborted @BeforeAll shows in Maven's summary only as tests not run: say why where people look.
        LOG.log(System.Logger.Level.WARNING, "browser tests skipped: {0}", message);
        assumeTrue(false, "browser tests skipped: " + message);
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "required".equals(System.getProperty("otc.browser-tests"));
    }

    private static Optional<String> problem() {
        if (!Files.isExecutable(BINARY)) {
            return Optional.of(BINARY + " is not installed");
        }
        if (!Files.isExecutable(DRIVER)) {
            return Optional.of(DRIVER + " is not installed");
        }
        String browser = version(BINARY);
        String driver = version(DRIVER);
        String browserMajor = major(browser);
        if (browserMajor == null || !browserMajor.equals(major(driver))) {
            return Optional.of("Chromium (" + browser + ") and ChromeDriver (" + driver + ") are not the same major version");
        }
        return Optional.empty();
    }

    private static String major(String version) {
        Matcher matcher = MAJOR_VERSION.matcher(version);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** What {@code <binary> --version} prints on its standard output (Debian's launcher script adds noise on stderr). */
    private static String version(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "no answer to --version";
            }
            return out.isEmpty() ? "no version printed" : out;
        } catch (IOException e) {
            return "could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
