package io.gridloop.metrics.district;

import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The newest snapshot of every district, in memory. Every instance reads the whole compacted snapshot topic itself
 * from its start ({@link SnapshotListener}), so each knows every district without sharing anything with the others,
 * and a restarted one has them again within a moment of starting.
 */
@Component
public class DistrictSnapshots {

    private final Map<String, DistrictCompletionSnapshot> latest = new ConcurrentHashMap<>();
    private final List<Consumer<DistrictCompletionSnapshot>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Takes {@code snapshot} unless one of its district at least as new is known (a late record, or the same one
     * read again); whoever listens hears of it.
     *
     * @return whether it was taken
     */
    public boolean offer(DistrictCompletionSnapshot snapshot) {
        boolean[] taken = {false};
        latest.compute(snapshot.districtCode(), (code, current) -> {
            if (current != null && !snapshot.asOf().isAfter(current.asOf())) {
                return current;
            }
            taken[0] = true;
            return snapshot;
        });
        if (taken[0]) {
            listeners.forEach(l -> l.accept(snapshot));
        }
        return taken[0];
    }

    /** {@code listener} hears (on the Kafka listener's thread) of every snapshot taken. */
    public void onChange(Consumer<DistrictCompletionSnapshot> listener) {
        listeners.add(listener);
    }

    public List<DistrictCompletionSnapshot> all() {
        return latest.values().stream().sorted(Comparator.comparing(DistrictCompletionSnapshot::districtCode)).toList();
    }

    public DistrictCompletionSnapshot of(String districtCode) {
        return latest.get(districtCode);
    }

    /** Forgets every district, as a restarted instance starts: for tests of reading the topic again. */
    void forgetAll() {
        latest.clear();
    }
}
