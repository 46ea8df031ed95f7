package io.gridloop.stats.rebuild;

import io.gridloop.stats.generations.Generations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A statistics rebuild as an administrator follows it.
 *
 * @param status        {@code NONE} (never rebuilt), {@code RUNNING}, {@code DONE} (readers use its counts)
 * @param reading       the generation of counts read now
 * @param recordsDone   transitions the new counts hold, of {@code recordsTotal} on the topic when last looked at
 * @param percent       {@code recordsDone} of {@code recordsTotal}, one decimal
 */
public record RebuildView(String status, String statusName, int reading, String id, Integer target,
                          Instant startedAt, String startedBy, Instant finishedAt, long recordsDone,
                          long recordsTotal, double percent, List<Partition> partitions) {

    /** @param applied the last offset the new counts hold (-1: none yet); {@code end}: the offset after the last */
    public record Partition(int partition, long begin, long applied, long end) {
    }

    static RebuildView of(Generations.State state) {
        Generations.Rebuild r = state.rebuild();
        int reading = state.reading().number();
        if (r == null) {
            return new RebuildView("NONE", "未重算", reading, null, null, null, null, null, 0, 0, 0, List.of());
        }
        List<Partition> partitions = new ArrayList<>();
        long done = 0;
        long total = 0;
        for (var e : r.ends().entrySet()) {
            int p = e.getKey();
            long begin = r.begins().getOrDefault(p, 0L);
            long end = e.getValue();
            long applied = r.appliedIn(p);
            partitions.add(new Partition(p, begin, applied, end));
            total += Math.max(0, end - begin);
            done += Math.max(0, Math.min(applied + 1, end) - begin);
        }
        boolean running = r.running();
        double percent = running ? (total == 0 ? 0 : Math.floor(1000.0 * done / total) / 10) : 100;
        return new RebuildView(running ? "RUNNING" : "DONE", running ? "重算中" : "已完成", reading, r.id(),
                r.target().number(), r.startedAt(), r.startedBy(), r.finishedAt(), done, total, percent, partitions);
    }
}
