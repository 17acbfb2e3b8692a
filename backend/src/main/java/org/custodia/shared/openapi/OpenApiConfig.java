package org.custodia.shared.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: every operation needs a bearer token unless it says otherwise. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearer-jwt";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI custodiaOpenApi(ObjectProvider<BuildProperties> build) {
        String version =
                build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Custodia API")
                        .version(version)
                        .description("Prisoner risk and needs assessment and classification. The tenant is the"
                                + " issuer of the access token: a Keycloak realm per country."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from the caller's country realm or the"
                                                + " platform realm, with audience custodia-api.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Every 4xx and 5xx answer is an RFC 9457 problem (shared/web/Problems): documented as {@code
     * application/problem+json} with the {@code Problem} schema, not as the operation's return type (which springdoc
     * puts on every {@code @ApiResponse} without content). Generated clients then type errors correctly.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            Content problem = new Content()
                    .addMediaType(
                            PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        if (operation.getResponses() != null) {
                            operation.getResponses().forEach((status, response) -> {
                                if (status.startsWith("4") || status.startsWith("5")) {
                                    response.setContent(problem);
                                }
                            });
                        }
                    }));
        };
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty(
                        "field", new StringSchema().description("Path of the offending value, e.g. answers[3].value"))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("RFC 9457 problem details, as every Custodia error is written")
                .addProperty(
                        "type", new StringSchema().format("uri").description("urn:custodia:problem:… or about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("requestId", new StringSchema().description("Quote it when reporting a problem"))
                .addProperty("errors", new ArraySchema().items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}
