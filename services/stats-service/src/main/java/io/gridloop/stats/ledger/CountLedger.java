package io.gridloop.stats.ledger;

import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.stats.counting.CaseFacts;
import io.gridloop.stats.counting.CellDelta;
import io.gridloop.stats.counting.CellKey;
import io.gridloop.stats.counting.Contribution;
import io.gridloop.stats.ledger.CellStore.Share;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies transitions to the counts exactly once, with single-document writes only (sent in bulk, but no
 * transactions), a batch of one partition at a time:
 * <ol>
 *   <li>fold each transition into its case's facts (loaded once per batch); a transition at or below the
 *       facts' sequence was folded in before — a duplicate publication or a replay — and adds nothing;</li>
 *   <li>add each cell's share of {@code contribution(after) − contribution(before)}, but only of the records
 *       past the offset the cell has applied from this partition, and move that offset to the batch's last
 *       ({@link CellStore});</li>
 *   <li>only then tell the {@link CountFollower}s (the overdue list), and store the new facts, guarded by the
 *       sequence they were read at ({@link FactStore}).</li>
 * </ol>
 * A crash anywhere is healed by redelivery: cells written before it skip what they already hold, and facts
 * still hold the state before the batch, so the deltas come out the same. Replaying a topic from the start adds
 * nothing; replaying it into an empty database rebuilds the same numbers.
 */
@Service
public class CountLedger {

    /** The stream tag of the case transitions topic, whoever reads it: the listener or a rebuild. */
    public static final String TRANSITIONS = "t";

    private final CellStore cellStore;
    private final FactStore factStore;
    private final List<CountFollower> followers;
    private volatile Checkpoint checkpoint = (stage, index) -> { };

    /** Where a test can stop a batch half-way, as a crash would. */
    interface Checkpoint {
        void reached(String stage, int index);
    }

    CountLedger(CellStore cellStore, FactStore factStore, List<CountFollower> followers) {
        this.cellStore = cellStore;
        this.factStore = factStore;
        this.followers = followers;
    }

    /**
     * Applies {@code records}, all from {@code partition} of one topic and in offset order, to the counts of
     * {@code generation}.
     *
     * @param stream   a short tag of the topic, part of the stored offsets' names
     * @param changed  told about the facts of every case whose counts changed
     */
    public void apply(Generation generation, String stream, int partition, List<Positioned> records,
                      Consumer<CaseFacts> changed) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, CaseFacts> stored = factStore.load(generation, records.stream()
                .map(r -> r.transition().caseId()).distinct().toList());
        Map<String, CaseFacts> current = new HashMap<>(stored);
        Map<String, List<Share>> sharesByCell = new LinkedHashMap<>();
        Map<String, CellKey> cells = new HashMap<>();
        for (Positioned r : records) {
            CaseTransitioned t = r.transition();
            CaseFacts before = current.get(t.caseId());
            if (before != null && !before.isBehind(t)) {
                continue;
            }
            CaseFacts after = CaseFacts.fold(before, t);
            current.put(t.caseId(), after);
            for (CellDelta d : Contribution.delta(before, after).values()) {
                sharesByCell.computeIfAbsent(d.cell().id(), id -> new ArrayList<>()).add(new Share(r.offset(), d));
                cells.put(d.cell().id(), d.cell());
            }
        }

        CellStore.Batch cellWrites = cellStore.batch(generation, stream, partition, records.getLast().offset());
        Map<String, Long> applied = cellWrites.appliedOffsets(sharesByCell);
        int written = 0;
        for (Map.Entry<String, List<Share>> e : sharesByCell.entrySet()) {
            checkpoint.reached("cell", written++);
            CellKey cell = cells.get(e.getKey());
            followers.forEach(f -> f.counting(cell.area()));
            cellWrites.add(cell, e.getValue(), applied.get(e.getKey()));
        }
        cellWrites.flush();

        written = 0;
        FactStore.Writes factWrites = factStore.writes(generation);
        List<CaseFacts> moved = new ArrayList<>();
        for (Map.Entry<String, CaseFacts> e : current.entrySet()) {
            CaseFacts before = stored.get(e.getKey());
            CaseFacts after = e.getValue();
            if (before != after) {
                checkpoint.reached("fact", written++);
                followers.forEach(f -> f.factsChanged(generation, before, after));
                factWrites.add(before, after);
                moved.add(after);
            }
        }
        factWrites.flush();
        moved.forEach(changed);
    }

    void checkpoint(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
