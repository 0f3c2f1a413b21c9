package io.otcrouter.security.apidocs;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The shared parts of a service's OpenAPI description, for the services that publish one (have springdoc). */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsAutoConfiguration {

    @Bean
    OpenApiCustomizer problemResponsesInDescription() {
        return new ProblemResponsesCustomizer();
    }

    @Bean
    OpenApiCustomizer examplesFromResources() {
        return new ResourceExamplesCustomizer();
    }
}
