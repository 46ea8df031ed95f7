package io.gridloop.stats.streams;

import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's store with the values it used last kept as objects in front of it. Kafka Streams' own cache holds
 * bytes, so every read of a busy cell (a city's month, touched by every case) would decode it again; the task is
 * its store's only writer, so what it wrote last is what the store holds. Writes still go through at once: the
 * store, not this, is what a commit makes durable.
 */
final class RememberingStore<V> {

    private final KeyValueStore<String, V> store;
    private final Map<String, V> recent;

    RememberingStore(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(String key) {
        V value = recent.get(key);
        if (value == null) {
            value = store.get(key);
            if (value != null) {
                recent.put(key, value);
            }
        }
        return value;
    }

    /** {@code value} must not change afterwards: it is kept as it is. */
    void put(String key, V value) {
        store.put(key, value);
        recent.put(key, value);
    }
}
