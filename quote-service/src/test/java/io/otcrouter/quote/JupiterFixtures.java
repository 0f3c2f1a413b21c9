package io.otcrouter.quote;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** The real Jupiter payloads copied from the shared fixtures (see src/test/resources/fixtures). */
public final class JupiterFixtures {

    public static final String QUOTE_SOL_USDC = "jupiter-swap-v1-quote-sol-usdc-docs.json";
    public static final String ERROR_400_NO_ROUTE = "jupiter-quote-error-400-no-route.json";
    public static final String ERROR_400_INVALID_REQUEST = "jupiter-quote-v6-error-400-invalid-request.json";
    public static final String ERROR_429_API_GATEWAY = "jupiter-error-429-api-gateway.json";

    private JupiterFixtures() {
    }

    /** Jupiter's answer with this status and this fixture as its JSON body, for a WireMock stub. */
    public static ResponseDefinitionBuilder answer(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(fixture));
    }

    public static byte[] body(String fixture) {
        try (InputStream in = JupiterFixtures.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
