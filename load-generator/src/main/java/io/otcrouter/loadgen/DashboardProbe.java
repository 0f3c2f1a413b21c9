package io.otcrouter.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dashboard's trade total ({@code GET /api/stats}), which must grow by the run's ledger rows. */
final class DashboardProbe {

    private static final Pattern TOTAL_TRADES = Pattern.compile("\"totalTrades\"\\s*:\\s*(\\d+)");

    private final Options options;
    private final HttpClient http;

    DashboardProbe(Options options, HttpClient http) {
        this.options = options;
        this.http = http;
    }

    /** The total, or null when the dashboard cannot be read. */
    Long totalTrades() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.dashboard() + "/api/stats"))
                    .timeout(Duration.ofSeconds(10));
            if (Files.isReadable(options.dashboardPasswordFile())) {
                // The dashboard's JSON API answers signed-in people; scripts sign in with HTTP Basic.
                String password = Files.readString(options.dashboardPasswordFile(), StandardCharsets.UTF_8).trim();
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (options.dashboardUser() + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = TOTAL_TRADES.matcher(response.body());
            return response.statusCode() == 200 && matcher.find() ? Long.valueOf(matcher.group(1)) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
