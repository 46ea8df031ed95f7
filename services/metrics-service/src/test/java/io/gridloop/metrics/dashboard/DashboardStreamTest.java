package io.gridloop.metrics.dashboard;

import io.gridloop.metrics.district.DistrictSnapshots;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live feeds end when the service stops, so its graceful shutdown need not wait out the grace period for them. */
class DashboardStreamTest {

    @Test
    void shouldEndEveryLiveFeedWhenTheServiceStops() {
        DashboardStream stream = new DashboardStream(new DistrictSnapshots(), new DashboardSettings(null));
        Caller supervisor = new Caller("supervisor", "督导员", Set.of(Role.SUPERVISOR), List.of("1501"), null, null, null);
        SseEmitter first = stream.open(supervisor);
        stream.open(supervisor);
        assertThat(stream.openPages()).isEqualTo(2);

        stream.closeAll();

        assertThat(stream.openPages()).isZero();
        assertThatThrownBy(() -> first.send("after the end")).as("the feed is complete")
                .isInstanceOf(IllegalStateException.class);
    }
}
