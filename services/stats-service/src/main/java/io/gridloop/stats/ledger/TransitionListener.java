package io.gridloop.stats.ledger;

import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseTransitioned;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds case transitions (as envelopes, read by the platform's converter) into the counts a poll at a time, one partition's records per ledger call, so the
 * cells an area shares across a batch are written once. A record that cannot be decoded ends the batch: the
 * records before it are counted, and the error handler dead-letters it and carries on after it.
 * <p>
 * While a rebuild fills the next generation, each batch also goes there — but only where the rebuild has
 * reached the batch's start: the ledger's guards skip what a generation holds already, never a gap, so a batch
 * ahead of the rebuild is left to the rebuild, which reads every record up to the topic's end before readers
 * switch over.
 */
@Component
class TransitionListener {

    private final CountLedger ledger;
    private final DirtyDistricts dirty;
    private final Generations generations;

    TransitionListener(CountLedger ledger, DirtyDistricts dirty, Generations generations) {
        this.ledger = ledger;
        this.dirty = dirty;
        this.generations = generations;
    }

    /**
     * @param envelopes  the batch's transitions, each {@code null} where its record could not be read
     * @param partitions the partition of each
     * @param offsets    the offset of each
     * @param failures   why each unreadable record could not be read ({@code null} for the others)
     */
    @KafkaListener(topics = Topics.Names.CASE_TRANSITIONED, batch = "true")
    void on(List<EventEnvelope<CaseTransitioned>> envelopes,
            @Header(KafkaHeaders.RECEIVED_PARTITION) List<Integer> partitions,
            @Header(KafkaHeaders.OFFSET) List<Long> offsets,
            @Header(name = KafkaHeaders.CONVERSION_FAILURES, required = false) List<ConversionException> failures) {
        Map<Integer, List<Positioned>> byPartition = new LinkedHashMap<>();
        for (int i = 0; i < envelopes.size(); i++) {
            if (envelopes.get(i) == null) {
                applyAll(byPartition);
                throw new BatchListenerFailedException("undecodable transition",
                        failures == null ? null : failures.get(i), i);
            }
            byPartition.computeIfAbsent(partitions.get(i), p -> new ArrayList<>())
                    .add(new Positioned(offsets.get(i), envelopes.get(i).data()));
        }
        applyAll(byPartition);
    }

    private void applyAll(Map<Integer, List<Positioned>> byPartition) {
        if (byPartition.isEmpty()) {
            return;
        }
        Generations.State state = generations.current();
        Generation building = state.building();
        byPartition.forEach((partition, positioned) -> {
            ledger.apply(state.reading(), CountLedger.TRANSITIONS, partition, positioned, facts -> dirty.mark(facts.area().districtCode()));
            if (building != null && state.rebuild().appliedIn(partition) + 1 >= positioned.getFirst().offset()) {
                ledger.apply(building, CountLedger.TRANSITIONS, partition, positioned, facts -> { });
                generations.advance(state.rebuild().id(), partition, positioned.getLast().offset());
            }
        });
    }
}
