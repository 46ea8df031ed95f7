package io.gridloop.hotline;

import io.gridloop.infra.EmbeddedInfra;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing that must be secret or installation-specific has a default a stranger could read in the repository:
 * without the 12345 secret, or without the realm to trust, the bridge refuses to start and says why.
 */
class DevelopmentDefaultsTest {

    private static HotlineSettings withSecret(String secret) {
        return new HotlineSettings(null, secret, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void shouldRefuseABlankOrShortSecret() {
        assertThatThrownBy(() -> withSecret(null)).hasMessageContaining("GRIDLOOP_HOTLINE_SECRET")
                .hasMessageContaining("未设置");
        assertThatThrownBy(() -> withSecret("  ")).hasMessageContaining("未设置");
        assertThatThrownBy(() -> withSecret("gridloop-dev-only-12345-secret")).hasMessageContaining("32");
        assertThat(withSecret("x".repeat(32)).signingSecret()).hasSize(32);
        assertThatThrownBy(() -> new HotlineSettings(null, "x".repeat(32), "short", null, null, null, null, null, null, null,
                null))
                .hasMessageContaining("previous-secret");
    }

    @Test
    void shouldNotStartWithoutTheSecretOrTheRealm() {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        Map<String, Object> everything = infra.springProperties();

        assertThatThrownBy(() -> start(everything, "gridloop.hotline.secret"))
                .hasStackTraceContaining("gridloop.hotline.secret");
        assertThatThrownBy(() -> start(everything, "spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .hasStackTraceContaining("issuer-uri").hasStackTraceContaining("未配置登录服务地址");
    }

    private static void start(Map<String, Object> properties, String without) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> {
            if (!key.equals(without)) {
                args.add("--" + key + "=" + value);
            }
        });
        args.add("--server.port=0");
        args.add("--spring.mongodb.database=gridloop_hotline_defaults");
        new SpringApplicationBuilder(HotlineBridgeApplication.class).run(args.toArray(String[]::new)).close();
    }
}
