package io.gridloop.stats;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.VisitResolution;
import io.gridloop.contracts.event.VisitSatisfaction;
import io.gridloop.infra.TopicWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Random but lawful case histories as dispatch publishes them — routed, returned, accepted, extended, overdue,
 * reworked, closed, re-opened, merged, invalidated or left open — each with its own record of how it ended,
 * so tests can recount the figures without the code under test.
 */
public final class CaseHistories {

    /** How a generated case ended, for recounting. */
    public record Outcome(String caseId, String districtCode, String streetCode, String communityCode,
                          String gridCode, EventCategory category, ReportSource source, Instant reportedAt,
                          CaseState state, boolean closedOnTime, int reworkCount, boolean overdue, Instant dueAt,
                          VisitSatisfaction satisfaction, String gridWorkerId) {
    }

    /** The grids a generated district has: three streets of three communities of three grids. */
    public static List<String> gridsOf(String district) {
        List<String> grids = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            for (int c = 1; c <= 3; c++) {
                for (int g = 1; g <= 3; g++) {
                    grids.add(district + "00" + s + "00" + c + "00" + g);
                }
            }
        }
        return grids;
    }

    public record History(Outcome outcome, List<EventEnvelope<CaseTransitioned>> transitions) {
    }

    /** A district code no other test uses: never ending in 00, which would be the code of its city. */
    public static String freshDistrict() {
        return "9" + ThreadLocalRandom.current().nextInt(100, 1_000) + String.format("%02d",
                ThreadLocalRandom.current().nextInt(1, 100));
    }

    /**
     * Generates {@code cases} histories in {@code district} and sends their transitions to the topic, a share
     * {@code republished} of them sent again (an outbox relay that crashed after sending).
     */
    public static List<History> publish(String bootstrap, String district, int cases, long seed,
                                        double republished) {
        EventCodec codec = new EventCodec();
        CaseHistories generator = new CaseHistories(seed, district);
        List<History> histories = IntStream.range(0, cases).mapToObj(i -> generator.next(district + "-" + i)).toList();
        Random random = new Random(seed);
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (History h : histories) {
            List<EventEnvelope<CaseTransitioned>> ts = h.transitions();
            for (int i = 0; i < ts.size(); i++) {
                records.add(Map.entry(h.outcome().caseId(), codec.encode(ts.get(i))));
                if (random.nextDouble() < republished) {
                    records.add(Map.entry(h.outcome().caseId(), codec.encode(ts.get(random.nextInt(i + 1)))));
                }
            }
        }
        TopicWriter.sendAll(bootstrap, Topics.CASE_TRANSITIONED.name(), records);
        return histories;
    }

    private final Random random;
    private final String districtCode;
    private final Instant from;
    private final long spanSeconds;
    /** Who reports a grid worker's case in a grid; absent: nobody named (as before transitions named them). */
    private final java.util.function.BiFunction<String, Random, String> gridWorkers;

    public CaseHistories(long seed, String districtCode) {
        this(seed, districtCode, Instant.parse("2026-01-01T00:00:00Z"), 300L * 86_400, null);
    }

    /**
     * Cases reported between {@code from} and {@code spanSeconds} later, a grid worker's (source
     * {@code GRID_PATROL}) naming {@code gridWorkers.apply(grid, random)} as its reporter.
     */
    public CaseHistories(long seed, String districtCode, Instant from, long spanSeconds,
                         java.util.function.BiFunction<String, Random, String> gridWorkers) {
        this.random = new Random(seed);
        this.districtCode = districtCode;
        this.from = from;
        this.spanSeconds = spanSeconds;
        this.gridWorkers = gridWorkers;
    }

    /** Sends {@code histories}' transitions to the topic. */
    public static void send(String bootstrap, List<History> histories) {
        EventCodec codec = new EventCodec();
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (History h : histories) {
            h.transitions().forEach(t -> records.add(Map.entry(h.outcome().caseId(), codec.encode(t))));
        }
        TopicWriter.sendAll(bootstrap, Topics.CASE_TRANSITIONED.name(), records);
    }

    public History next(String caseId) {
        return new Builder(caseId).run();
    }

    private final class Builder {

        final String caseId;
        final String street = districtCode + "00" + (1 + random.nextInt(3));
        final String community = street + "00" + (1 + random.nextInt(3));
        final String grid = community + "00" + (1 + random.nextInt(3));
        final EventCategory category = EventCategory.values()[random.nextInt(EventCategory.values().length)];
        final ReportSource source = ReportSource.values()[random.nextInt(ReportSource.values().length)];
        final Instant reportedAt = from.plusSeconds(random.nextLong(spanSeconds))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        final String gridWorkerId = gridWorkers != null && source == ReportSource.GRID_PATROL
                ? gridWorkers.apply(grid, random) : null;
        final List<EventEnvelope<CaseTransitioned>> out = new ArrayList<>();
        Instant now = reportedAt;
        Instant dueAt = reportedAt.plus(Duration.ofHours(24 + random.nextInt(120)));
        Instant acceptBy = reportedAt.plus(Duration.ofHours(24));
        CaseState state;
        int rework;
        boolean overdue;
        boolean lastCloseOnTime;
        Instant closedAt;
        VisitSatisfaction visit;

        Builder(String caseId) {
            this.caseId = caseId;
        }

        History run() {
            emit("report", null, CaseState.REPORTED);
            if (stop(0.05)) {
                return done();
            }
            if (random.nextDouble() < 0.1) {
                emit("route", CaseState.REPORTED, CaseState.ROUTED);
                emit("return", CaseState.ROUTED, CaseState.RETURNED);
                emit("route", CaseState.RETURNED, CaseState.ROUTED);
            } else {
                emit("route", CaseState.REPORTED, CaseState.ROUTED);
            }
            if (random.nextDouble() < 0.05) {
                emit(random.nextBoolean() ? "merge" : "invalidate", CaseState.ROUTED,
                        random.nextBoolean() ? CaseState.MERGED : CaseState.INVALID);
                return done();
            }
            if (random.nextDouble() < 0.08) {
                emit("escalate", CaseState.ROUTED, CaseState.ESCALATED);
                emit("accept", CaseState.ESCALATED, CaseState.ACCEPTED);
            } else {
                emit("accept", CaseState.ROUTED, CaseState.ACCEPTED);
            }
            if (stop(0.05)) {
                return done();
            }
            if (random.nextDouble() < 0.1) {
                emit("request-extension", CaseState.ACCEPTED, CaseState.EXTENSION_REQUESTED);
                if (random.nextBoolean()) {
                    dueAt = dueAt.plus(Duration.ofDays(2));
                    emit("approve-extension", CaseState.EXTENSION_REQUESTED, CaseState.ACCEPTED);
                } else {
                    emit("reject-extension", CaseState.EXTENSION_REQUESTED, CaseState.ACCEPTED);
                }
            }
            if (random.nextDouble() < 0.15) {
                now = dueAt.plusSeconds(60);
                overdue = true;
                emit("overdue", CaseState.ACCEPTED, CaseState.ACCEPTED);
                if (stop(0.3)) {
                    return done();
                }
            }
            emit("feedback", CaseState.ACCEPTED, CaseState.FEEDBACK_SUBMITTED);
            while (random.nextDouble() < 0.1) {
                rework++;
                emit("rework", CaseState.FEEDBACK_SUBMITTED, CaseState.REWORK);
                emit("feedback", CaseState.REWORK, CaseState.FEEDBACK_SUBMITTED);
            }
            if (stop(0.05)) {
                return done();
            }
            close();
            if (source == ReportSource.HOTLINE_12345 && random.nextDouble() < 0.7) {
                visit = VisitSatisfaction.values()[random.nextInt(VisitSatisfaction.values().length)];
                emit("visit", CaseState.CLOSED, CaseState.CLOSED);
            }
            if (random.nextDouble() < 0.05) {
                rework++;
                dueAt = now.plus(Duration.between(reportedAt, dueAt));
                acceptBy = now.plus(Duration.ofHours(24));
                overdue = false;
                emit("reopen", CaseState.CLOSED, CaseState.ROUTED);
                if (stop(0.3)) {
                    return done();
                }
                emit("accept", CaseState.ROUTED, CaseState.ACCEPTED);
                emit("feedback", CaseState.ACCEPTED, CaseState.FEEDBACK_SUBMITTED);
                close();
            }
            return done();
        }

        private void close() {
            emit("close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED);
        }

        private boolean stop(double p) {
            return random.nextDouble() < p;
        }

        private void emit(String action, CaseState from, CaseState to) {
            now = now.plus(Duration.ofMinutes(1 + random.nextInt(600)));
            int seq = out.size() + 1;
            // As dispatch sends them: the closing transition says when and whether on time; a later one of the
            // closed case (the return visit) repeats when it was closed and says nothing of on time.
            boolean closed = to == CaseState.CLOSED;
            boolean closes = "close".equals(action);
            boolean onTimeNow = closes && !now.isAfter(dueAt);
            if (closes) {
                lastCloseOnTime = onTimeNow;
                closedAt = now;
            }
            CaseTransitioned t = new CaseTransitioned(caseId, seq, CaseAction.fromWireName(action).orElseThrow(), from, to, districtCode,
                    "测试区" + districtCode, grid, category, source, reportedAt, dueAt, now, "tester", street,
                    AreaLevel.STREET, rework, null, closed ? closedAt : null, closes ? onTimeNow : null, null, null, community,
                    "社区" + community, street, "街道" + street, "HANDLER", null, "单位", acceptBy,
                    "visit".equals(action) ? VisitResolution.values()[visit.ordinal() % 3] : null,
                    "visit".equals(action) ? visit : null, null, null, List.of(), null, gridWorkerId);
            out.add(EventEnvelope.of(Topics.CASE_TRANSITIONED, caseId + "-" + seq, ServiceNames.DISPATCH, now,
                    caseId, t));
            state = to;
        }

        private History done() {
            boolean open = !state.isFinal();
            return new History(new Outcome(caseId, districtCode, street, community, grid, category, source,
                    reportedAt, state, state == CaseState.CLOSED && lastCloseOnTime, rework, open && overdue, dueAt,
                    visit, gridWorkerId),
                    out);
        }
    }
}
