package io.gridloop.dispatch.unit;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.dispatch.rules.RoutingRules;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the unit directory with the grid registry — a centre for every area intake knows, named and retired as
 * the registry says — and with the routing rules: a department a new rule names is in the directory at once.
 */
@Component
class RegistryListener {

    private final UnitDirectory units;
    private final RoutingRules rules;

    RegistryListener(UnitDirectory units, RoutingRules rules) {
        this.units = units;
        this.rules = rules;
    }

    @KafkaListener(topics = Topics.Names.AREA_REGISTERED)
    void on(EventEnvelope<AreaRegistered> envelope) {
        AreaRegistered area = envelope.data();
        units.learn(area, rules.current().rules());
    }

    @EventListener
    void on(RoutingRules.Changed changed) {
        units.seedFrom(changed.rules());
    }
}
