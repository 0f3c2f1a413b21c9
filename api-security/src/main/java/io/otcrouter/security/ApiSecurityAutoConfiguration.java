package io.otcrouter.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.firewall.HttpFirewall;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * What every service's trust boundary shares: the firewall and its 400, the problem+json 401/403, the API keys of
 * {@code otc.security.api-keys} (unless the service signs people in with its own {@link UserDetailsService}) and
 * strict JSON. Runs before Boot's own user-details configuration, so no generated password is ever created or
 * logged.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityAutoConfiguration {

    /** Bounds on any JSON body: deep nesting, long numbers and long strings are refused while parsing. */
    static final StreamReadConstraints BOUNDS = StreamReadConstraints.builder()
            .maxNestingDepth(32).maxNumberLength(64).maxStringLength(64 * 1024).maxNameLength(256).build();

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityAutoConfiguration.class);

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    BodyLimit bodyLimit(ApiSecurityProperties properties, ProblemResponses problems) {
        return new BodyLimit(properties.maxBodySize(), problems);
    }

    @Bean
    HttpFirewall strictPathFirewall() {
        return new StrictPathFirewall();
    }

    /**
     * Tomcat refuses an encoded slash or backslash itself, with an HTML page; passed through still encoded, it
     * reaches the firewall, which refuses it with the same problem+json as every other ambiguous path.
     */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }

    @Bean
    WebSecurityCustomizer firewallCustomizer(HttpFirewall firewall, ProblemResponses problems) {
        return web -> web.httpFirewall(firewall).requestRejectedHandler(problems);
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    ApiKeyRing apiKeyRing(ApiSecurityProperties properties) {
        ApiKeyRing ring = ApiKeyRing.parse(properties.apiKeys(), properties.scopes());
        if (ring.isEmpty()) {
            log.warn("No API keys configured (otc.security.api-keys): every route that needs one answers 401");
        } else {
            log.info("{} API key(s) accepted", ring.size());
        }
        return ring;
    }

    @Bean
    @ConditionalOnMissingBean({UserDetailsService.class, AuthenticationManager.class})
    AuthenticationManager apiKeyAuthenticationManager(ApiKeyRing ring) {
        return new ProviderManager(new ApiKeyAuthenticationProvider(ring));
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    ApiSecurity apiSecurity(AuthenticationManager apiKeyAuthenticationManager, ProblemResponses problems,
            BodyLimit bodyLimit) {
        return new ApiSecurity(apiKeyAuthenticationManager, problems, bodyLimit);
    }

    @Bean
    JsonFactoryBuilderCustomizer boundedJson() {
        return factory -> factory.streamReadConstraints(BOUNDS).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * No silent coercion: {@code 1.5} for an integer, {@code 42} for a string, {@code "42"} for a number, unknown
     * fields, trailing tokens and nulls for primitives are errors. Off only in a service whose mapper reads
     * third-party payloads into lenient types ({@code otc.security.strict-json=false}).
     */
    @Bean
    @ConditionalOnProperty(prefix = "otc.security", name = "strict-json", matchIfMissing = true)
    JsonMapperBuilderCustomizer strictJson() {
        return mapper -> mapper
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, number -> number
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, flag -> flag
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }
}
