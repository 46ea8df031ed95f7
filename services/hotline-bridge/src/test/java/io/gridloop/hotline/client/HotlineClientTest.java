package io.gridloop.hotline.client;

import io.gridloop.contracts.hotline.OrderPage;
import io.gridloop.hotline.BridgeTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.observation.ClientRequestObservationContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client speaks to the 12345 platform through Spring's RestClient: signed over the request exactly as sent
 * (the simulator refuses anything else), and observed like any HTTP call of the services.
 */
class HotlineClientTest extends BridgeTest {

    @Autowired
    HotlineClient client;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ObservationRegistry observations;

    @Test
    void shouldCallThe12345PlatformWithinTheCallersTrace() {
        List<ObservationView> parents = new CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {
            @Override
            public void onStart(ClientRequestObservationContext context) {
                parents.add(context.getParentObservation());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof ClientRequestObservationContext;
            }
        });
        Observation sending = Observation.start("gridloop.test.outbox", observations);
        try (Observation.Scope scope = sending.openScope()) {
            client.poll(null, 1);
        } finally {
            sending.stop();
        }

        assertThat(parents).as("the HTTP call's parent observation").contains(sending);
    }

    @Test
    void shouldSignWhatItSendsAndBeObservedLikeAnyHttpCall() {
        OrderPage first = client.poll(null, 1);
        OrderPage next = client.poll("0", 1);

        assertThat(first).isNotNull();
        assertThat(next).isNotNull();
        assertThat(meters.find("gridloop.hotline.calls").tags("operation", "poll", "outcome", "ok").timer())
                .isNotNull().extracting(Timer::count).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.LONG).isGreaterThanOrEqualTo(2);
        assertThat(meters.find("http.client.requests").timers()).as("Spring's client observation")
                .anySatisfy(t -> {
                    assertThat(t.getId().getTag("uri")).startsWith("/api/v1/orders");
                    assertThat(t.getId().getTag("outcome")).isEqualTo("SUCCESS");
                });
    }
}
