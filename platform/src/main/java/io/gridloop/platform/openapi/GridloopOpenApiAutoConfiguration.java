package io.gridloop.platform.openapi;

import io.gridloop.platform.config.InstallationSettings;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Names each service's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}); errors
 * are RFC 9457 problem documents throughout, as the description says.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class GridloopOpenApiAutoConfiguration {

    private static final String BEARER = "bearer-jwt";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI gridloopOpenApi(@Value("${spring.application.name}") String service,
                            InstallationSettings installation) {
        return new OpenAPI().info(new Info().title("gridloop " + service).version(installation.version()).description(
                        "网格化服务管理 — " + service + ". Errors are application/problem+json (RFC 9457) with a stable "
                                + "`code`, a Chinese `title` and, for invalid input, `errors[]` naming each field. "
                                + "Calls carry a bearer JWT of the realm (roles in realm_access.roles, areas in "
                                + "`area`); 401 without a valid token, 403 for a role or area the token lacks."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
