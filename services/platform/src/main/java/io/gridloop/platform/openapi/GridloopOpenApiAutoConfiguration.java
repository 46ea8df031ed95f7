package io.gridloop.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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

    @Bean
    @ConditionalOnMissingBean
    OpenAPI gridloopOpenApi(@Value("${spring.application.name}") String service,
                            @Value("${gridloop.version:0.1.0}") String version) {
        return new OpenAPI().info(new Info().title("gridloop " + service).version(version).description(
                "网格化服务管理 — " + service + ". Errors are application/problem+json (RFC 9457) with a stable "
                        + "`code`, a Chinese `title` and, for invalid input, `errors[]` naming each field."));
    }
}
