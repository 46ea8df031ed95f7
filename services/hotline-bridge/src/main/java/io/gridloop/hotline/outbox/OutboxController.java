package io.gridloop.hotline.outbox;

import io.gridloop.hotline.client.HotlineClient;
import io.gridloop.hotline.order.CaseLink;
import io.gridloop.hotline.order.OrderBook;
import io.gridloop.platform.security.Caller;
import io.gridloop.platform.web.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The state of the deliveries to 12345, and the dead letters with their manual retry. */
@RestController
@RequestMapping("/api/v1/hotline/outbox")
@Validated
class OutboxController {

    /** The outbox at a glance. */
    record Summary(int pending, int parked, Double oldestPendingAgeSeconds, String circuitState) {
    }

    /** A dead letter as an operator needs it: what, for which order, why it failed, how often. */
    record DeadLetter(String id, String caseId, String orderNumber, OutboxMessage.Kind kind, String kindLabel,
                      String status, String statusLabel, int attempts, String lastError, Instant createdAt,
                      Instant parkedAt) {
        static DeadLetter of(OutboxMessage m) {
            return new DeadLetter(m.id(), m.caseId(), m.orderNumber(), m.kind(), m.kind().label(),
                    m.sync() == null ? null : m.sync().status().name(),
                    m.sync() == null ? null : m.sync().statusLabel(), m.attempts(), m.lastError(), m.createdAt(),
                    m.parkedAt());
        }
    }

    record Page(List<DeadLetter> items, int page, int size, long total) {
    }

    private final Outbox outbox;
    private final HotlineDelivery relay;
    private final HotlineClient client;
    private final OrderBook book;

    OutboxController(Outbox outbox, HotlineDelivery relay, HotlineClient client, OrderBook book) {
        this.outbox = outbox;
        this.relay = relay;
        this.client = client;
        this.book = book;
    }

    /**
     * Whether the caller's areas hold the case a message is about (its grid or district, once dispatch placed
     * it): an administrator handles the dead letters of their own areas only.
     */
    private boolean withinReach(Caller caller, OutboxMessage m) {
        return caller.covers(book.linkOf(m.caseId()).map(CaseLink::areaCode).orElse(null));
    }

    @GetMapping
    Summary summary() {
        HotlineDelivery.Backlog b = relay.backlog();
        return new Summary(b.pending(), b.parked(), relay.oldestPendingAgeSeconds(), client.circuitState().name());
    }

    /** Dead letters of the caller's areas, oldest first. */
    @GetMapping("/dead-letters")
    Page deadLetters(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Caller caller = Caller.current();
        List<OutboxMessage> parked = outbox.parked().stream().filter(m -> withinReach(caller, m)).toList();
        List<DeadLetter> items = parked.stream().skip((long) page * size).limit(size).map(DeadLetter::of).toList();
        return new Page(items, page, size, parked.size());
    }

    /** Puts a dead letter back in line; the order's later messages follow it once it is delivered. */
    @PostMapping("/dead-letters/{id}/retry")
    ResponseEntity<DeadLetter> retry(@PathVariable String id) {
        Caller caller = Caller.current();
        if (outbox.find(id).filter(m -> withinReach(caller, m)).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NO_SUCH_DEAD_LETTER", "死信不存在",
                    "没有编号为 " + id + " 的死信（可能已重试或已送达）");
        }
        return outbox.retry(id).map(m -> ResponseEntity.status(HttpStatus.ACCEPTED).body(DeadLetter.of(m)))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_SUCH_DEAD_LETTER", "死信不存在",
                        "没有编号为 " + id + " 的死信（可能已重试或已送达）"));
    }
}
