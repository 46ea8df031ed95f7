package io.gridloop.dispatch.casestore;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;
import io.gridloop.infra.ServiceIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain groups a case's fields into values; the stored document stays the flat one every installation has,
 * so cases stored before read as they were and operators' queries on {@code handlingUnit} or {@code dueAt} still
 * find them.
 */
class CaseFilesTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    @Autowired
    MongoTemplate mongo;

    private final Instant reportedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private CaseFile.Transition suspendedCase() {
        EventReported event = Reports.of(UUID.randomUUID().toString(), "MANHOLE", "150105001002003", "赛罕区",
                reportedAt);
        Deadlines deadlines = new Deadlines(reportedAt.plus(1, ChronoUnit.DAYS), reportedAt.plus(5, ChronoUnit.DAYS),
                reportedAt.plus(4, ChronoUnit.DAYS));
        CaseFile opened = CaseFile.open("2026120615010500001", event, Optional.of(RoutingDecision.manual(
                new HandlingUnit("150105-WATER", "赛罕区水务局", AreaLevel.DISTRICT))), deadlines, reportedAt);
        assertThat(cases.insertNew(opened)).isTrue();
        CaseFile.Transition suspended = opened.next(CaseAction.SUSPEND, ActionInput.system("等待管网改造"), null,
                reportedAt.plus(1, ChronoUnit.HOURS));
        assertThat(cases.apply(opened, suspended)).isTrue();
        return suspended;
    }

    @Test
    void aCaseIsStoredAsOneFlatDocumentWithTheFieldNamesItAlwaysHad() {
        CaseFile c = suspendedCase().after();

        Document stored = mongo.getCollection(CaseFiles.COLLECTION).find(new Document("_id", c.id())).first();

        assertThat(stored).containsKeys("districtCode", "districtName", "streetCode", "communityCode", "gridCode",
                "category", "subCategory", "source", "reportedAt", "handlingUnit", "handlingUnitName", "level",
                "acceptBy", "dueAt", "warnAt", "resumeState", "suspendedAt", "timeline", "outbox");
        assertThat(stored).doesNotContainKeys("area", "report", "handling", "deadlines", "paused");
        assertThat(stored.getString("handlingUnit")).isEqualTo("150105-WATER");
        assertThat(stored.getString("resumeState")).isEqualTo(CaseState.ROUTED.name());
        assertThat(stored.getDate("dueAt").toInstant()).isEqualTo(c.deadlines().closeBy());
    }

    @Test
    void aStoredCaseReadsBackAsTheCaseThatWasStored() {
        CaseFile c = suspendedCase().after();

        CaseFile read = cases.find(c.id()).orElseThrow();

        assertThat(read.area()).isEqualTo(c.area());
        assertThat(read.report()).isEqualTo(c.report());
        assertThat(read.handling()).isEqualTo(c.handling());
        assertThat(read.deadlines()).isEqualTo(c.deadlines());
        assertThat(read.paused()).isEqualTo(c.paused()).isNotNull();
        assertThat(read.state()).isEqualTo(CaseState.SUSPENDED);
        assertThat(read.version()).isEqualTo(c.version());
        assertThat(read.timeline()).isEqualTo(c.timeline());
    }

    @Test
    void aTransitionStoresWhatItChangedAndClearsWhatItEnded() {
        CaseFile suspended = suspendedCase().after();
        CaseFile.Transition resumed = suspended.next(CaseAction.RESUME, ActionInput.system(null), null,
                reportedAt.plus(3, ChronoUnit.HOURS));

        assertThat(cases.apply(suspended, resumed)).isTrue();

        CaseFile read = cases.find(suspended.id()).orElseThrow();
        assertThat(read.state()).isEqualTo(CaseState.ROUTED);
        assertThat(read.paused()).isNull();
        assertThat(read.deadlines()).isEqualTo(resumed.after().deadlines())
                .isNotEqualTo(suspended.deadlines());  // two hours suspended: the clock stood still
        assertThat(read.version()).isEqualTo(suspended.version() + 1);
        assertThat(read.timeline()).hasSize(suspended.timeline().size() + 1);
        Document stored = mongo.getCollection(CaseFiles.COLLECTION).find(new Document("_id", suspended.id())).first();
        assertThat(stored.get("resumeState")).isNull();
        assertThat(stored.get("suspendedAt")).isNull();
        assertThat(cases.apply(suspended, resumed)).as("a second write from the same version").isFalse();
    }

    @Test
    void aCaseStoredBeforeTheDomainGroupedItsFieldsStillReads() {
        CaseFile c = suspendedCase().after();
        // A document as the first installations wrote it: the type hint names the old flat record.
        Document old = mongo.getCollection(CaseFiles.COLLECTION).find(new Document("_id", c.id())).first();
        old.put("_class", "io.gridloop.dispatch.lifecycle.CaseFile");
        mongo.getCollection(CaseFiles.COLLECTION).replaceOne(new Document("_id", c.id()), old);

        CaseFile read = cases.find(c.id()).orElseThrow();

        assertThat(read.handling()).isEqualTo(c.handling());
        assertThat(read.paused()).isEqualTo(c.paused());
        assertThat(cases.summaries(java.util.List.of(c.id()))).singleElement()
                .satisfies(s -> assertThat(s.area()).isEqualTo(c.area()));
    }
}
