package io.otcrouter.security.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import tools.jackson.databind.json.JsonMapper;

/**
 * Examples kept as plain JSON files beside the service's code rather than as strings in annotations:
 * {@code openapi/examples/<operationId>.request.json} for a request body and
 * {@code openapi/examples/<operationId>.<status>.json} for an answer. A file that is not valid JSON fails the
 * description, so an example cannot silently rot into text.
 */
class ResourceExamplesCustomizer implements OpenApiCustomizer {

    private static final String FOLDER = "openapi/examples/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::addExamples));
    }

    private void addExamples(Operation operation) {
        String id = operation.getOperationId();
        if (operation.getRequestBody() != null) {
            example(id + ".request").ifPresent(value -> setOn(operation.getRequestBody().getContent(), value));
        }
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) ->
                    example(id + "." + status).ifPresent(value -> setOn(response.getContent(), value)));
        }
    }

    private static void setOn(Content content, Object value) {
        if (content != null) {
            content.values().stream().findFirst().ifPresent(media -> media.setExample(value));
        }
    }

    /** The example as maps, lists and scalars, which the description's own JSON writer renders as they are. */
    private static Optional<Object> example(String name) {
        ClassPathResource file = new ClassPathResource(FOLDER + name + ".json");
        if (!file.exists()) {
            return Optional.empty();
        }
        try (InputStream in = file.getInputStream()) {
            return Optional.of(JSON.readValue(in, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Example " + file.getPath() + " is not readable JSON", e);
        }
    }
}
