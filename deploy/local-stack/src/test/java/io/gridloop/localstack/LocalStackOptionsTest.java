package io.gridloop.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launcher's options as run.sh passes them: the development issuer by default, Keycloak from the distribution
 * run.sh's build unpacked when {@code --keycloak} is given (KeycloakRealmTest runs that Keycloak itself).
 */
class LocalStackOptionsTest {

    @Test
    void shouldSignInWithTheDevelopmentIssuerUnlessKeycloakIsAskedFor() {
        assertThat(LocalStack.Options.parse(new String[] {"--no-demo"}).keycloak()).isNull();
        assertThat(LocalStack.Options.parse(new String[] {"--keycloak=deploy/local-stack/target/keycloak",
                "--issuer-port=8190"})).satisfies(options -> {
                    assertThat(options.keycloak()).isEqualTo(Path.of("deploy/local-stack/target/keycloak"));
                    assertThat(options.issuerPort()).isEqualTo(8190);
                });
    }

    @Test
    void shouldNameTheKeycloakOptionWhenAnOptionIsUnknown() {
        assertThatThrownBy(() -> LocalStack.Options.parse(new String[] {"--keycloack"}))
                .hasMessageContaining("--keycloak");
    }

    @Test
    void shouldSayWhereNoKeycloakDistributionWasFoundBeforeStartingAnything(@TempDir Path empty) {
        assertThatThrownBy(() -> SignIn.keycloak(empty, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Keycloak distribution under " + empty);
    }
}
