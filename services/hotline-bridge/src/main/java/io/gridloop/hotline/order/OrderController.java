package io.gridloop.hotline.order;

import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;
import io.gridloop.contracts.hotline.OrderReceipt;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.signature.SignedByHotline;
import io.gridloop.platform.web.ApiException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Work orders from the 12345 platform (派单), and what became of them. */
@RestController
@RequestMapping("/api/v1/hotline")
class OrderController {

    private final HotlineOrders orders;
    private final OrderBook book;

    OrderController(HotlineOrders orders, OrderBook book) {
        this.orders = orders;
        this.book = book;
    }

    /** The hotline hands us an order. 202 once it is on its way to intake; the same order again: the same answer. */
    @PostMapping("/orders")
    @SignedByHotline
    ResponseEntity<OrderReceipt> receive(@Valid @RequestBody WorkOrder order) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(orders.accept(order, Origin.PUSHED));
    }

    @GetMapping("/orders/{orderNumber}")
    OrderView order(@PathVariable String orderNumber) {
        // An order placed in a grid is an operator's only if the grid is in their areas; one the hotline sent
        // without a grid belongs to no area yet, and every operator of the city may look it up.
        Caller caller = Caller.current();
        return book.order(orderNumber).map(OrderView::of)
                .filter(o -> caller.has(Role.ADMIN) || o.gridCode() == null || caller.covers(o.gridCode()))
                .orElseThrow(() -> unknownOrder(orderNumber));
    }

    /** Which work order a grid case belongs to — for escalated cases, the order the hotline opened for it. */
    @GetMapping("/cases/{caseId}")
    CaseLink caseLink(@PathVariable String caseId) {
        return book.linkOf(caseId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_CASE",
                "案件与12345无关", "案件 " + caseId + " 不是12345工单，也未上报12345"));
    }

    static ApiException unknownOrder(String orderNumber) {
        return new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_ORDER", "工单不存在", "没有编号为 " + orderNumber + " 的工单");
    }
}
