package io.gridloop.dispatch.supervision;

import io.gridloop.platform.lease.Leases;
import io.gridloop.dispatch.casestore.CaseCommits;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.queue.OpenCase;
import io.gridloop.dispatch.queue.OpenCases;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.GridCentres;
import io.gridloop.dispatch.unit.UnitDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import io.gridloop.dispatch.calendar.DeadlineSettings;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.time.Instant;

/**
 * Watches the stored deadlines of open cases: warns when a case reaches {@code warnAt} (预警) and, once
 * {@code dueAt} has passed, marks it overdue, files a 督办 record and notifies the level above. It reads the
 * deadlines from the database, so whatever fell due while the service was down is caught on the first scan.
 * Each step is applied to the case's version like any action, so running twice changes nothing.
 */
@Component
public class DeadlineWatch implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final OpenCases open;
    private final CaseCommits commits;
    private final Supervisions supervisions;
    private final UnitDirectory units;
    private final Clock clock;
    private final Counter warnings;
    private final Counter overdue;

    /** Longer than a scan takes; an instance that dies hands the watch over within this. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Leases leases;
    private final DeadlineSettings settings;

    DeadlineWatch(OpenCases open, CaseCommits commits, Supervisions supervisions, Clock clock,
                  MeterRegistry meters, Leases leases, UnitDirectory units, DeadlineSettings settings) {
        this.leases = leases;
        this.settings = settings;
        this.units = units;
        this.open = open;
        this.commits = commits;
        this.supervisions = supervisions;
        this.clock = clock;
        this.warnings = meters.counter("gridloop.dispatch.deadline.warnings");
        this.overdue = meters.counter("gridloop.dispatch.deadline.overdue");
    }

    /** One instance of dispatch watches deadlines at a time: two would warn and supervise cases twice over. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::scheduledScan, settings.scanInterval(),
                settings.scanInitialDelay()));
    }

    void scheduledScan() {
        leases.runIfHeld("dispatch.deadline-watch", LEASE, this::scan);
    }

    public void scan() {
        Instant now = clock.instant();
        for (OpenCase candidate : open.needingAttention(now)) {
            try {
                attend(candidate.id(), now);
            } catch (Refusal e) {
                // Changed by others again and again, or gone from the store: the next scan looks again; the
                // cases after it must not wait for that one.
                log.warn("Deadline watch skipped case {} this time: {}", candidate.id(), e.getMessage());
            }
        }
    }

    /** Warns or supervises the case as it is under its lock, if it still needs it. */
    private void attend(String caseId, Instant now) {
        HandlingUnit[] notified = {null};
        Optional<CaseFile.Transition> done = commits.commit(caseId, c -> {
            if (c.needsSupervision(now)) {
                notified[0] = units.named(GridCentres.centre(c.handling().level().up().orElse(AreaLevel.CITY), c.area()));
                return Optional.of(c.overdue(now, notified[0]));
            }
            return c.needsWarning(now) ? Optional.of(c.warned(now)) : Optional.empty();
        });
        done.ifPresent(t -> {
            CaseFile c = t.after();
            if (t.entry().is(CaseAction.OVERDUE)) {
                HandlingUnit above = notified[0];
                supervisions.file(new Supervision(c.id() + "@" + c.deadlines().closeBy().getEpochSecond(), c.id(),
                        c.area().districtCode(), c.area().districtName(), c.handling().unitCode(), c.handling().unitName(), c.handling().level(),
                        above.code(), above.name(), c.deadlines().closeBy(), now, c.caseNumber()));
                overdue.increment();
                log.info("Case {} is overdue (due {}): supervised, {} notified", c.id(), c.deadlines().closeBy(), above.name());
            } else {
                warnings.increment();
            }
        });
    }
}
