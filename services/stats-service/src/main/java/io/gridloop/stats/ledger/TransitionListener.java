package io.gridloop.stats.ledger;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.UndecodableEventException;
import io.gridloop.stats.snapshot.DirtyDistricts;
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
 */
@Component
class TransitionListener {

    static final String STREAM = "t";

    private final CountLedger ledger;
    private final EventCodec codec;
    private final DirtyDistricts dirty;

    TransitionListener(CountLedger ledger, EventCodec codec, DirtyDistricts dirty) {
        this.ledger = ledger;
        this.codec = codec;
        this.dirty = dirty;
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
        byPartition.forEach((partition, positioned) ->
                ledger.apply(STREAM, partition, positioned, facts -> dirty.mark(facts.districtCode())));
    }
}
