package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.HotlineExtensionDecided;
import io.gridloop.dispatch.lifecycle.ActionInput;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Applies the 12345 platform's answers to 12345 cases' extension requests (延期审核): granted, the case takes the
 * deadline the hotline set; refused, it goes on under the old one. An answer applies only to the request it
 * answers while that is still pending — one delivered again, or answering a request since withdrawn or
 * superseded, changes nothing and is counted ({@code gridloop_dispatch_hotline_extension_decisions_total}).
 */
@Component
class HotlineExtensionDecisions {

    private static final Logger log = LoggerFactory.getLogger(HotlineExtensionDecisions.class);
    static final String REFUSED = "12345平台未同意延期";

    private final CaseWork work;
    private final MeterRegistry meters;

    HotlineExtensionDecisions(CaseWork work, MeterRegistry meters) {
        this.work = work;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.Names.HOTLINE_EXTENSION_DECIDED)
    void on(EventEnvelope<HotlineExtensionDecided> envelope) {
        HotlineExtensionDecided d = envelope.data();
        String said = d.reason() == null || d.reason().isBlank() ? (d.approved() ? null : REFUSED)
                : "12345平台：" + d.reason().strip();
        CaseFile decided;
        try {
            decided = work.act(d.caseId(), d.approved() ? CaseAction.APPROVE_EXTENSION
                            : CaseAction.REJECT_EXTENSION,
                    ActionInput.hotlineDecision(said, d.approved() ? d.dueAt() : null),
                    c -> c.pendingExtensionRequest().equals(Optional.of(d.requestSequence())));
        } catch (Refusal e) {
            if (CaseFiles.isNotFound(e)) {
                count("unknown-case");
                log.warn("12345 extension decision {} for unknown case {} (order {}) ignored", d.decisionId(),
                        d.caseId(), d.orderNumber());
                return;
            }
            // E.g. a granted extension whose deadline is not later than the old one: the request stays pending,
            // visible on the case, for the hotline to answer again.
            count("invalid");
            log.warn("12345 extension decision {} of case {} cannot apply: {}", d.decisionId(), d.caseId(),
                    e.getMessage());
            return;
        }
        if (decided == null) {
            count("stale");
            log.info("12345 extension decision {} of case {} answers request {}, which is not pending; ignored",
                    d.decisionId(), d.caseId(), d.requestSequence());
            return;
        }
        count(d.approved() ? "approved" : "refused");
        log.info("Case {}: 12345 {} the extension (order {}){}", d.caseId(), d.approved() ? "granted" : "refused",
                d.orderNumber(), d.approved() ? ", due " + d.dueAt() : "");
    }

    private void count(String outcome) {
        meters.counter("gridloop.dispatch.hotline.extension.decisions", "outcome", outcome).increment();
    }
}
