package io.otcrouter.testsupport.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.json.JsonMapper;

/**
 * Headless Debian Chromium driven through ChromeDriver against one origin: a fresh profile, no network services of
 * its own as far as flags allow, US English and UTC whatever the machine's locale and time zone, console and network
 * logs judged by {@link PageFailures}, screenshots to {@code target/screenshots/}. Call {@link Chromium#require()}
 * first.
 */
public final class BrowserSession implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Runs in every new document before its own scripts: keeps what the Content-Security-Policy blocked. */
    private static final String CSP_RECORDER = "window.__pageCspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__pageCspViolations.push("
            + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'an inline use') + ' in ' + e.documentURI"
            + " + (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : '')));";

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final PageFailures failures;

    /** @param baseUrl the origin under test, such as {@code http://localhost:8080} */
    public BrowserSession(String baseUrl, Path userDataDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1100", "--lang=en-US",
                "--user-data-dir=" + userDataDir);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "UTC", "LANG", "en_US.UTF-8", "LANGUAGE", "en_US:en")).build();
        this.driver = new ChromeDriver(service, options);
        // Pages redraw parts of themselves on live updates: an element found a moment ago may be gone, so look again.
        this.wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        this.baseUrl = baseUrl;
        this.failures = new PageFailures(baseUrl);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 30 s until the condition gives a value other than null or false, looking again at stale elements. */
    public <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /**
     * Opens a page of the origin and waits until it has loaded and, on a page that streams live updates (its body
     * carries {@code data-live}), until the stream is up.
     */
    public void open(String path) {
        driver.get(baseUrl + path);
        until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'"
                + " && (document.body.dataset.live === undefined || document.body.dataset.live === 'up');")));
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    public boolean alertOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /**
     * What the pages did wrong since the last call — requests to another origin, HTTP errors, failed loads, console
     * errors, what the Content-Security-Policy blocked on the current page — each naming the URL and the reason;
     * what the browser did on its own is left out (see {@link PageFailures}). Reading drains the browser's logs.
     */
    public List<String> pageFailures() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            failures.onDevToolsEvent(JSON.readTree(entry.getMessage()).path("message"));
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                failures.onConsoleError(entry.getMessage());
            }
        }
        Object violations = js("const v = window.__pageCspViolations || []; window.__pageCspViolations = []; return v;");
        if (violations instanceof List<?> blocked) {
            blocked.forEach(violation -> failures.onCspViolation(String.valueOf(violation)));
        }
        return failures.drain();
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
