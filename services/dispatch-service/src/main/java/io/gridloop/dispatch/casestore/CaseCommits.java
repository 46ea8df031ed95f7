package io.gridloop.dispatch.casestore;

import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.platform.problem.ChangedMeanwhile;
import io.gridloop.platform.problem.Refusal;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way a case is written: under the case's lock ({@link CaseLocks}), read it, work out the transition on
 * the case as it is, store it only over the version it was worked out from, and relay its events — so opening a
 * case, a person's action and the deadline watch's warnings all serialise the same way, and nothing is stored
 * without its events going out (or the sweep sending them). Another instance's write in between makes it read and
 * decide again.
 */
@Component
public class CaseCommits {

    private static final int ATTEMPTS = 3;

    private final CaseFiles cases;
    private final CaseLocks locks;
    private final OutboxRelay relay;

    CaseCommits(CaseFiles cases, CaseLocks locks, OutboxRelay relay) {
        this.cases = cases;
        this.locks = locks;
        this.relay = relay;
    }

    /** A case as the report left it: new, or found already there (the report came again). */
    public record Opened(CaseFile file, boolean isNew) {
    }

    /**
     * Opens the case {@code opening} makes, unless a case of that id exists already — a redelivered report takes
     * no second case (and no second number: {@code opening} is asked only when there is none).
     *
     * @param stored runs under the lock with the case as stored, new or found, before its events go out
     */
    public Opened open(String caseId, Supplier<CaseFile> opening, Consumer<CaseFile> stored) {
        return locks.withCase(caseId, () -> {
            Optional<CaseFile> existing = cases.find(caseId);
            if (existing.isEmpty()) {
                CaseFile opened = opening.get();
                if (cases.insertNew(opened)) {
                    stored.accept(opened);
                    relay.relayHeld(opened);
                    return new Opened(opened, true);
                }
                existing = cases.find(caseId);
            }
            existing.ifPresent(c -> {
                stored.accept(c);
                relay.relayHeld(c);
            });
            return new Opened(existing.orElseThrow(), false);
        });
    }

    /**
     * Changes the case as {@code change} decides on it as it is now; {@code change} may decline (empty) or refuse
     * (throw).
     *
     * @return the transition stored, or empty if {@code change} declined
     * @throws Refusal          {@code CASE_NOT_FOUND} for no such case
     * @throws ChangedMeanwhile {@code CONCURRENT_MODIFICATION} when other instances changed the case three times
     *                          over (a listener tries again)
     */
    public Optional<CaseFile.Transition> commit(String caseId,
                                                Function<CaseFile, Optional<CaseFile.Transition>> change) {
        return locks.withCase(caseId, () -> {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                CaseFile current = cases.find(caseId).orElseThrow(() -> CaseFiles.notFound(caseId));
                Optional<CaseFile.Transition> t = change.apply(current);
                if (t.isEmpty()) {
                    return t;
                }
                if (cases.apply(current, t.get())) {
                    relay.relayHeld(t.get().after());
                    return t;
                }
                // Another instance changed the case meanwhile: look again, and decide again.
            }
            throw new ChangedMeanwhile("CONCURRENT_MODIFICATION", "案件正被他人修改",
                    "案件 " + caseId + " 正在被同时修改，请刷新后重试");
        });
    }
}
