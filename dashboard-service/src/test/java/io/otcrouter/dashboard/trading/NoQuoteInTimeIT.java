package io.otcrouter.dashboard.trading;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.otcrouter.dashboard.BrowserSignIn;
import io.otcrouter.dashboard.TestUsers;
import io.otcrouter.testsupport.browser.BrowserSession;
import io.otcrouter.testsupport.browser.Chromium;

/**
 * The trade form against router-service's 503 "No quote in time" (Retry-After: 2, problem+json, nothing done): the
 * form asks again under the same Idempotency-Key, waiting as the router asks, and either shows the trade the router
 * then decided or says that nothing was done. The router is WireMock answering with its payloads
 * (src/test/resources/fixtures/router, as its ApiExceptionHandler and DecisionView write them).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", TestUsers.USERS_PROPERTY,
                "otc.router.api-key=desk-key-1",
                "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka.clients.NetworkClient=ERROR"})
@EmbeddedKafka(partitions = 1)
class NoQuoteInTimeIT {

    private static final WireMockServer ROUTER = new WireMockServer(wireMockConfig().dynamicPort()
            // As router-service and ledger-service serve: HTTP/1.1 only, no h2c upgrade of the client's requests.
            .http2PlainDisabled(true));

    @DynamicPropertySource
    static void routerUrl(DynamicPropertyRegistry registry) {
        ROUTER.start();
        registry.add("otc.router.url", ROUTER::baseUrl);
    }

    @AfterAll
    static void stopRouter() {
        ROUTER.stop();
    }

    @BeforeAll
    static void requireChromium() {
        Chromium.require();
    }

    @LocalServerPort
    private int port;
    @TempDir
    private Path userDataDir;

    private BrowserSession browser;

    @BeforeEach
    void setUp() {
        ROUTER.resetAll();
        browser = new BrowserSession("http://localhost:" + port, userDataDir);
        BrowserSignIn.signIn(browser, TestUsers.TRADER);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void shouldAskAgainUnderTheSameKeyAfterRetryAfterAndShowTheTradeOnceAVenueAnswers() {
        answer(STARTED, "second", noQuoteInTime());
        answer("second", "third", noQuoteInTime());
        answer("third", "decided", aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(fixture("trade-decided.json")));

        submit();

        WebElement waiting = browser.driver().findElement(By.id("trade-waiting"));
        String shownWhileWaiting = browser.until(d -> waiting.isDisplayed() ? waiting.getText() : null);
        assertThat(shownWhileWaiting).contains("No quote in time — nothing was done yet")
                .contains("Asking again in 2 s under the same key");
        WebElement result = browser.driver().findElement(By.id("trade-result"));
        browser.until(d -> result.isDisplayed());
        assertThat(result.getText()).contains("Trade accepted: DEX")
                .contains("trade-5b1e7a52-9c1d-4f7e-8a41-2f0c6d9e1a77");
        assertThat(waiting.isDisplayed()).isFalse();
        assertThat(sentKeys()).hasSize(3).containsOnly(sentKeys().get(0));
        assertThat(browser.pageFailures()).as("the two 503s the page waited out")
                .containsExactly(failure(), failure());
    }

    @Test
    void shouldSayNothingWasDoneWhenNoVenueAnswersAfterTheRetries() {
        answer(STARTED, STARTED, noQuoteInTime());

        submit();

        WebElement error = browser.driver().findElement(By.id("trade-error"));
        browser.until(d -> error.isDisplayed());
        assertThat(error.getText()).contains("No venue answered in time — nothing was done")
                .contains("No trade was booked and nothing was executed (asked 4 times)")
                .contains("Did not answer: Jupiter (quote-service).").contains("You can submit the trade again.")
                .doesNotContain("Idempotency-Key");
        assertThat(browser.driver().findElement(By.id("execute-button")).isEnabled()).isTrue();
        List<String> keys = sentKeys();
        assertThat(keys).hasSize(4).containsOnly(keys.get(0));
        assertThat(browser.pageFailures()).containsExactly(failure(), failure(), failure(), failure());
        browser.screenshot("trade-no-quote-in-time");
    }

    private void submit() {
        browser.open("/trade");
        browser.until(d -> !d.findElements(By.cssSelector("#input-token option")).isEmpty());
        browser.driver().findElement(By.id("amount")).sendKeys("1000");
        browser.driver().findElement(By.id("client-order-id")).sendKeys("desk-retry-1");
        browser.driver().findElement(By.id("execute-button")).click();
    }

    private String failure() {
        return "HTTP 503 for POST http://localhost:" + port + "/api/trades (Fetch)";
    }

    private static void answer(String state, String next, ResponseDefinitionBuilder response) {
        ROUTER.stubFor(post(urlPathEqualTo("/api/trades")).inScenario("quote deadline").whenScenarioStateIs(state)
                .willSetStateTo(next).willReturn(response));
    }

    private static ResponseDefinitionBuilder noQuoteInTime() {
        return aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                .withHeader("Retry-After", "2").withBody(fixture("no-quote-in-time.json"));
    }

    private static List<String> sentKeys() {
        return ROUTER.findAll(postRequestedFor(urlPathEqualTo("/api/trades"))).stream()
                .map((LoggedRequest request) -> request.getHeader("Idempotency-Key")).toList();
    }

    private static String fixture(String name) {
        try (var in = NoQuoteInTimeIT.class.getResourceAsStream("/fixtures/router/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
