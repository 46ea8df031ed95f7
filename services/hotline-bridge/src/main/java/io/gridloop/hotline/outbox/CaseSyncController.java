package io.gridloop.hotline.outbox;

import io.gridloop.hotline.order.CaseLink;
import io.gridloop.hotline.order.OrderBook;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the 12345 platform has been told about a case and what is still on its way (the case page's 12345 panel):
 * every status sync or escalation, delivered, waiting or parked as a dead letter.
 */
@RestController
class CaseSyncController {

    /**
     * One message to the hotline about the case.
     *
     * @param statusLabel the status it told (已受理, 办理中, 已办结…), for status syncs
     * @param state       已送达, 待发送 (waiting for its turn or a retry) or 死信 (parked, needs an administrator)
     * @param at          when it was delivered, or when it was queued
     */
    record SyncLine(int sequence, String kindLabel, String statusLabel, String state, int attempts, String lastError,
                    Instant at) {
    }

    record CaseSyncs(String caseId, String orderNumber, String originLabel, List<SyncLine> lines) {
    }

    private final OrderBook book;
    private final Outbox outbox;

    CaseSyncController(OrderBook book, Outbox outbox) {
        this.book = book;
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/hotline/cases/{caseId}/syncs")
    CaseSyncs syncs(@PathVariable String caseId) {
        CaseLink link = book.linkOf(caseId).filter(l -> Caller.current().covers(l.areaCode()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_CASE", "案件与12345无关",
                        "案件 " + caseId + " 不是12345工单，也未上报12345"));
        Outbox.CaseMessages messages = outbox.ofCase(caseId);
        List<SyncLine> lines = new ArrayList<>();
        for (Outbox.Delivered d : messages.delivered()) {
            lines.add(new SyncLine(d.sequence() == null ? 0 : d.sequence(), d.kind().label(), d.statusLabel(),
                    "已送达", d.attempts(), null, d.deliveredAt()));
        }
        for (OutboxMessage m : messages.waiting()) {
            lines.add(new SyncLine(m.sequence(), m.kind().label(), m.sync() == null ? null : m.sync().statusLabel(),
                    m.status() == OutboxMessage.Status.PARKED ? "死信" : "待发送", m.attempts(), m.lastError(),
                    m.createdAt()));
        }
        lines.sort(Comparator.comparingInt(SyncLine::sequence));
        return new CaseSyncs(caseId, link.orderNumber(), link.origin() == null ? null : link.origin().label(), lines);
    }
}
