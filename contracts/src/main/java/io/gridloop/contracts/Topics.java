package io.gridloop.contracts;

import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.HotlineExtensionDecided;
import io.gridloop.contracts.event.HotlineOrderDeclined;
import io.gridloop.contracts.event.HotlineOrderReceived;
import io.gridloop.contracts.event.HotlineVisitRecorded;
import io.gridloop.contracts.event.PatrolRecorded;
import io.gridloop.contracts.event.ReopenRequested;

import java.util.List;

import static io.gridloop.contracts.ServiceNames.DISPATCH;
import static io.gridloop.contracts.ServiceNames.HOTLINE_BRIDGE;
import static io.gridloop.contracts.ServiceNames.INTAKE;
import static io.gridloop.contracts.ServiceNames.METRICS;
import static io.gridloop.contracts.ServiceNames.STATS;

/**
 * The typed registry of every topic. Services name topics only through these constants; {@code asyncapi.yaml}
 * describes the same topics for people and tools, and a test keeps the two in agreement.
 *
 * <p>Records about a case are keyed by the case id so one case's history stays in order on one partition.
 */
public final class Topics {

    /** A report accepted by intake (上报). The event id is also the id of the case dispatch opens for it. */
    public static final Topic<EventReported> EVENT_REPORTED = new Topic<>(
            Names.EVENT_REPORTED, EventReported.class,
            "event id (= case id)", 6, false, INTAKE, List.of(DISPATCH));

    /** Every state change of a case in the closed loop, with everything statistics need. */
    public static final Topic<CaseTransitioned> CASE_TRANSITIONED = new Topic<>(
            Names.CASE_TRANSITIONED, CaseTransitioned.class,
            "case id", 6, false, DISPATCH, List.of(STATS, INTAKE, HOTLINE_BRIDGE));

    /** A reporter's "not fixed" (未解决) for a closed event: dispatch re-opens the case. */
    public static final Topic<ReopenRequested> REOPEN_REQUESTED = new Topic<>(
            Names.REOPEN_REQUESTED, ReopenRequested.class,
            "event id (= case id)", 6, false, INTAKE, List.of(DISPATCH));

    /** The latest completion counts of each district; compacted, so a new reader gets the current table. */
    public static final Topic<DistrictCompletionSnapshot> DISTRICT_STATS = new Topic<>(
            Names.DISTRICT_STATS, DistrictCompletionSnapshot.class,
            "district code", 3, true, STATS, List.of(METRICS));

    /**
     * A 12345 work order the bridge took in, with the case id it chose: intake turns it into a report under that
     * id, once per order number.
     */
    public static final Topic<HotlineOrderReceived> HOTLINE_ORDER_RECEIVED = new Topic<>(
            Names.HOTLINE_ORDER_RECEIVED, HotlineOrderReceived.class,
            "hotline order number", 3, false, HOTLINE_BRIDGE, List.of(INTAKE));

    /**
     * A 12345 work order intake could not turn into a case (no grid holds it, or it is not a report gridloop can
     * take): the bridge gives it back to the hotline (退单) with the reason.
     */
    public static final Topic<HotlineOrderDeclined> HOTLINE_ORDER_DECLINED = new Topic<>(
            Names.HOTLINE_ORDER_DECLINED, HotlineOrderDeclined.class,
            "case id", 3, false, INTAKE, List.of(HOTLINE_BRIDGE));

    /**
     * The 12345 platform's answer to a 12345 case's extension request (延期申请): dispatch moves the deadline the
     * hotline set, or resumes the case on its old one.
     */
    public static final Topic<HotlineExtensionDecided> HOTLINE_EXTENSION_DECIDED = new Topic<>(
            Names.HOTLINE_EXTENSION_DECIDED, HotlineExtensionDecided.class,
            "case id", 3, false, HOTLINE_BRIDGE, List.of(DISPATCH));

    /**
     * A 12345 return visit (回访) for a case that came from the hotline: dispatch records it on the case, from where
     * statistics count 解决率 and 满意率.
     */
    public static final Topic<HotlineVisitRecorded> HOTLINE_VISIT_RECORDED = new Topic<>(
            Names.HOTLINE_VISIT_RECORDED, HotlineVisitRecorded.class,
            "case id", 6, false, HOTLINE_BRIDGE, List.of(DISPATCH));

    /** Every area of the grid registry as it stands; compacted, so a new reader gets the whole registry. */
    public static final Topic<AreaRegistered> AREA_REGISTERED = new Topic<>(
            Names.AREA_REGISTERED, AreaRegistered.class,
            "area code", 3, true, INTAKE, List.of(STATS, DISPATCH));

    /**
     * A patrol or household visit a grid worker recorded (巡查走访, 民情日志). Statistics count each worker's patrols
     * by kind and month for their assessment (考核).
     */
    public static final Topic<PatrolRecorded> PATROL_RECORDED = new Topic<>(
            Names.PATROL_RECORDED, PatrolRecorded.class,
            "patrol id", 3, false, INTAKE, List.of(STATS));

    private static final List<Topic<?>> ALL = List.of(
            EVENT_REPORTED, CASE_TRANSITIONED, REOPEN_REQUESTED, DISTRICT_STATS, HOTLINE_ORDER_RECEIVED,
            HOTLINE_ORDER_DECLINED, HOTLINE_EXTENSION_DECIDED, HOTLINE_VISIT_RECORDED, AREA_REGISTERED,
            PATROL_RECORDED);
    /** By name, for finding a record's topic on every record a listener takes. */
    private static final java.util.Map<String, Topic<?>> BY_NAME = ALL.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Topic::name, t -> t));

    private Topics() {
    }

    /** The topic names as compile-time constants, for annotations such as {@code @KafkaListener(topics = ...)}. */
    public static final class Names {
        public static final String EVENT_REPORTED = "grid.event.reported.v1";
        public static final String CASE_TRANSITIONED = "grid.case.transitioned.v1";
        public static final String REOPEN_REQUESTED = "grid.event.reopen-requested.v1";
        public static final String DISTRICT_STATS = "grid.stats.district.v1";
        public static final String HOTLINE_ORDER_RECEIVED = "grid.hotline.order.received.v1";
        public static final String HOTLINE_ORDER_DECLINED = "grid.hotline.order.declined.v1";
        public static final String HOTLINE_EXTENSION_DECIDED = "grid.hotline.extension.decided.v1";
        public static final String HOTLINE_VISIT_RECORDED = "grid.hotline.visit.recorded.v1";
        public static final String AREA_REGISTERED = "grid.area.registered.v1";
        public static final String PATROL_RECORDED = "grid.patrol.recorded.v1";

        private Names() {
        }
    }

    public static List<Topic<?>> all() {
        return ALL;
    }

    /** The topic of that name, if gridloop has one. */
    public static java.util.Optional<Topic<?>> named(String name) {
        return java.util.Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }
}
