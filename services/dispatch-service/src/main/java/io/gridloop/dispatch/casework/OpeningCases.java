package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.dispatch.calendar.CalendarStore;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.casestore.CaseCommits;
import io.gridloop.contracts.area.AreaPath;
import io.gridloop.dispatch.rules.RoutingRules;
import io.gridloop.dispatch.search.SearchIndex;
import io.gridloop.dispatch.unit.UnitDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Opens a case for every reported event (上报 → 分流). Redelivery is harmless: the case id is the event id, so
 * a second delivery finds the case already there and only makes sure its events went out.
 */
@Component
class OpeningCases {

    private static final Logger log = LoggerFactory.getLogger(OpeningCases.class);

    private final CaseFiles cases;
    private final CaseCommits commits;
    private final CalendarStore calendar;
    private final RoutingRules rules;
    private final CaseNumbers numbers;
    private final UnitDirectory units;
    private final SearchIndex search;
    private final Clock clock;

    OpeningCases(CaseFiles cases, CaseCommits commits, CalendarStore calendar,
                 RoutingRules rules, CaseNumbers numbers, UnitDirectory units, SearchIndex search, Clock clock) {
        this.search = search;
        this.numbers = numbers;
        this.units = units;
        this.commits = commits;
        this.rules = rules;
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.Names.EVENT_REPORTED)
    void on(EventEnvelope<EventReported> envelope) {
        EventReported event = envelope.data();
        CaseCommits.Opened opened = commits.open(event.eventId(), () -> open(event),
                c -> numbers.remember(c.caseNumber(), c.id()));
        if (opened.isNew()) {
            logOpened(opened.file(), event);
        } else {
            log.debug("Case {} exists already; report was redelivered", event.eventId());
        }
        CaseFile stored = opened.file();
        // Findable once its events are out, and outside the lock, which other cases share by stripe: the terms are
        // a bulk write nobody waits for. A crash before this redelivers the report, which writes them then.
        search.add(stored, event.reporterId());
    }

    private CaseFile open(EventReported event) {
        AreaPath area = event.area();
        return CaseFile.open(numbers.next(event.districtCode(), event.reportedAt()), event,
                rules.current().rules().decide(event.subCategory(), event.category(), CaseFile.firstLevel(event),
                        area).map(units::named),
                calendar.deadlinesFor(event.reportedAt(), event.complexity(), event.dueAt()), clock.instant(),
                event.likelyDuplicateOf() == null ? null
                        : cases.find(event.likelyDuplicateOf()).map(CaseFile::caseNumber).orElse(null));
    }

    private static void logOpened(CaseFile opened, EventReported event) {
        log.info("Opened case {} ({}) in {} ({}), {} {}", opened.caseNumber(), opened.id(), event.districtName(),
                event.subCategoryName() != null ? event.subCategoryName() : event.category().label(),
                opened.handling().routingRule() != null ? "routed by rule " + opened.handling().routingRule() + " to"
                        : "awaiting manual triage at", opened.handling().unitName());
    }
}
