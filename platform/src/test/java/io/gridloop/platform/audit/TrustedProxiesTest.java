package io.gridloop.platform.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.5"));

    @Test
    void shouldBelieveOnlyATrustedPeerAndNameTheLastHopBeforeTheProxies() {
        assertThat(proxies.clientBehind("10.1.2.3", "203.0.113.9, 192.168.1.5")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientBehind("10.1.2.3", "1.1.1.1, 203.0.113.9")).as("the right-most untrusted hop")
                .isEqualTo("203.0.113.9");
        assertThat(proxies.clientBehind("198.51.100.7", "203.0.113.9")).as("anyone can send the header").isNull();
        assertThat(proxies.clientBehind("10.1.2.3", null)).isNull();
        assertThat(proxies.clientBehind("10.1.2.3", "unknown")).isEqualTo("unknown");
    }

    @Test
    void shouldRefuseToStartOnAnEntryThatIsNoAddress() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trusted-proxies");
    }
}
