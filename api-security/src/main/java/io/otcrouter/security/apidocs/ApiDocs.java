package io.otcrouter.security.apidocs;

import io.otcrouter.security.ProblemResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Where a service publishes its OpenAPI description (springdoc) and the names its description uses, so that each
 * service's {@code SecurityConfig} guards exactly these paths and its controllers name the same security scheme.
 */
public final class ApiDocs {

    /** The description as JSON, and the configuration Swagger UI reads. */
    public static final String[] DESCRIPTION = {"/v3/api-docs", "/v3/api-docs/swagger-config"};
    /** Swagger UI's page and its static files (only where the service serves it). */
    public static final String[] SWAGGER_UI = {"/swagger-ui.html", "/swagger-ui/**"};

    /** The security scheme of a service's API keys; a route's requirement lists the scopes it accepts. */
    public static final String API_KEY = "apiKey";
    /** The schema of every refusal: RFC 9457 problem details. */
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiDocs() {
    }

    /** The {@value #API_KEY} scheme: a key in {@code X-API-Key}, as {@code ApiSecurity} reads it. */
    public static SecurityScheme apiKeyScheme(String configuredBy) {
        return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                .name(ProblemResponses.API_KEY_HEADER)
                .description("An API key of this service, configured in " + configuredBy + " by its SHA-256 digest."
                        + " Each route's security requirement lists the scopes that may call it (any one suffices).");
    }
}
