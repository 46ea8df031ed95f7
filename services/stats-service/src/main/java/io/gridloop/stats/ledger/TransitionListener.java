package io.gridloop.stats.ledger;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.UndecodableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds case transitions into the counts a poll at a time, one partition's records per ledger call, so the
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
    private final EventCodec codec;
    private final DirtyDistricts dirty;
    private final Generations generations;

    TransitionListener(CountLedger ledger, EventCodec codec, DirtyDistricts dirty, Generations generations) {
        this.ledger = ledger;
        this.codec = codec;
        this.dirty = dirty;
        this.generations = generations;
    }

    @KafkaListener(topics = Topics.Names.CASE_TRANSITIONED, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, List<Positioned>> byPartition = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            try {
                byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>())
                        .add(new Positioned(r.offset(), codec.decode(Topics.CASE_TRANSITIONED, r.value()).data()));
            } catch (UndecodableEventException poison) {
                applyAll(byPartition);
                throw new BatchListenerFailedException("undecodable transition", poison, i);
            }
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
