package io.otcrouter.security.apidocs;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The error shape in every service's description: RFC 9457 problem details ({@value ApiDocs#PROBLEM}) on each
 * 4xx/5xx answer a controller declares (the services answer every refusal so), and the answers of the shared trust
 * boundary on every route that needs a credential (401, 403) or takes a body (413), which no controller declares
 * because none of them sees those requests.
 */
class ProblemResponsesCustomizer implements OpenApiCustomizer {

    private static final String PROBLEM_REF = "#/components/schemas/" + ApiDocs.PROBLEM;

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(ApiDocs.PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                    || openApi.getSecurity() != null && !openApi.getSecurity().isEmpty();
            if (secured) {
                addIfAbsent(operation, "401", "No credential, or one this service does not accept");
                addIfAbsent(operation, "403", "The credential is valid but does not allow this route");
            }
            if (operation.getRequestBody() != null) {
                addIfAbsent(operation, "413", "The body is larger than the service accepts");
            }
            operation.getResponses().forEach(ProblemResponsesCustomizer::problemContentOnErrors);
        }));
    }

    private static void addIfAbsent(Operation operation, String status, String description) {
        operation.getResponses().computeIfAbsent(status, code -> new ApiResponse().description(description));
    }

    /**
     * Every refusal is answered as problem details, whatever springdoc inferred from the handler's return type; an
     * example already set (an {@code openapi/examples} file) is kept.
     */
    private static void problemContentOnErrors(String status, ApiResponse response) {
        if (!status.startsWith("4") && !status.startsWith("5")) {
            return;
        }
        Object example = response.getContent() == null ? null : response.getContent().values().stream()
                .map(MediaType::getExample).filter(Objects::nonNull).findFirst().orElse(null);
        MediaType problem = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
        if (example != null) {
            // Only when there is one: a null set here would be written out as "example": null.
            problem.setExample(example);
        }
        response.setContent(new Content().addMediaType(ApiDocs.PROBLEM_JSON, problem));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = Map.of(
                "type", new StringSchema().format("uri-reference").description("Identifies the problem type")
                        .example("about:blank"),
                "title", new StringSchema().description("A short summary of the problem type")
                        .example("Invalid trade request"),
                "status", new IntegerSchema().description("The HTTP status code").example(400),
                "detail", new StringSchema().description("What is wrong with this request, in words")
                        .example("amount must be more than zero"),
                "instance", new StringSchema().format("uri-reference").description("The request path")
                        .example("/api/trades"));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(new TreeMap<>(properties));
        problem.additionalProperties(true);
        problem.description("RFC 9457 problem details (application/problem+json). Some answers add members: "
                + "errors (each invalid field), parameter, tradeId, candidates, silentVenues.");
        return problem;
    }
}
