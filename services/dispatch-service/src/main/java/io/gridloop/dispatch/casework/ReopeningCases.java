package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.ReopenRequested;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Re-opens a closed case when its reporter says it is not fixed (未解决). A request names the closure it answers,
 * so a redelivered or late request — the case already re-opened, or closed again since — changes nothing.
 */
@Component
class ReopeningCases {

    private static final Logger log = LoggerFactory.getLogger(ReopeningCases.class);
    static final String REPORTER_ROLE = "REPORTER";

    private final CaseWork work;

    ReopeningCases(CaseWork work) {
        this.work = work;
    }

    @KafkaListener(topics = Topics.Names.REOPEN_REQUESTED)
    void on(EventEnvelope<ReopenRequested> envelope) {
        ReopenRequested request = envelope.data();
        // Applied only while the case is still closed by the closure the reporter saw, checked again on every
        // retry against a concurrent change: a redelivered or late request changes nothing.
        CaseFile reopened;
        try {
            reopened = work.act(request.eventId(), CaseAction.REOPEN, new ActionInput(request.asker(),
                            request.requestedByRole() == null ? REPORTER_ROLE : request.requestedByRole(),
                            request.comment(), null, null, null, null, null),
                    c -> c.closingSequence().equals(Optional.of(request.closedSequence())));
        } catch (Refusal e) {
            if (!CaseFiles.isNotFound(e)) {
                throw e;
            }
            log.warn("Reopen request for unknown case {} ignored", request.eventId());
            return;
        }
        if (reopened != null) {
            log.info("Case {} re-opened at the reporter's request, back to {}", reopened.id(),
                    reopened.handling().unitName());
        } else {
            log.debug("Reopen request for case {} (closure {}) no longer applies", request.eventId(),
                    request.closedSequence());
        }
    }
}
