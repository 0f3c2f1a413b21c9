package io.otcrouter.security.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

class ProblemResponsesCustomizerTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, Object> EXAMPLE = Map.of("title", "Invalid trade request", "status", 400);

    @Test
    void shouldAnswerEveryDeclaredRefusalAsProblemDetailsKeepingItsExample() {
        Operation submit = new Operation().responses(new ApiResponses()
                .addApiResponse("201", json(new Schema<>().$ref("#/components/schemas/TradeView"), null))
                .addApiResponse("400", json(new Schema<>().type("object"), EXAMPLE))
                .addApiResponse("503", new ApiResponse().description("at capacity")));

        customise(submit);

        assertThat(submit.getResponses().get("201").getContent()).containsOnlyKeys("application/json");
        for (String status : List.of("400", "503")) {
            Content content = submit.getResponses().get(status).getContent();
            assertThat(content).as(status).containsOnlyKeys(ApiDocs.PROBLEM_JSON);
            assertThat(content.get(ApiDocs.PROBLEM_JSON).getSchema().get$ref()).isEqualTo(PROBLEM_REF);
        }
        assertThat(submit.getResponses().get("400").getContent().get(ApiDocs.PROBLEM_JSON).getExample())
                .isEqualTo(EXAMPLE);
    }

    @Test
    void shouldAddTheTrustBoundarysRefusalsToRoutesThatNeedACredentialOrTakeABody() {
        Operation secured = new Operation().addSecurityItem(new SecurityRequirement().addList("apiKey", "trade"))
                .requestBody(new RequestBody().content(new Content()));
        Operation open = new Operation();

        OpenAPI description = customise(secured, open);

        assertThat(secured.getResponses()).containsKeys("401", "403", "413");
        assertThat(secured.getResponses().get("401").getContent().get(ApiDocs.PROBLEM_JSON).getSchema().get$ref())
                .isEqualTo(PROBLEM_REF);
        assertThat(open.getResponses()).doesNotContainKeys("401", "403", "413");
        assertThat(description.getComponents().getSchemas()).containsKey(ApiDocs.PROBLEM);
    }

    private static ApiResponse json(Schema<?> schema, Object example) {
        MediaType media = new MediaType().schema(schema);
        if (example != null) {
            media.setExample(example);
        }
        return new ApiResponse().description("an answer")
                .content(new Content().addMediaType("application/json", media));
    }

    private static OpenAPI customise(Operation... operations) {
        Paths paths = new Paths();
        for (int i = 0; i < operations.length; i++) {
            paths.addPathItem("/api/" + i, new PathItem().post(operations[i]));
        }
        OpenAPI description = new OpenAPI().paths(paths);
        new ProblemResponsesCustomizer().customise(description);
        return description;
    }
}
