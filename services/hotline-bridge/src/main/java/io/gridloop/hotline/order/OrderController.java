package io.gridloop.hotline.order;

import io.gridloop.platform.security.Caller;
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

    /**
     * An order, to those whose areas hold it: the grid the hotline named, else the grid or district its case was
     * placed in. Until intake has placed an order the hotline sent without a grid, it belongs to no area, and
     * only a caller of the whole country sees it. Administrators are held to their areas like everyone else.
     */
    @GetMapping("/orders/{orderNumber}")
    OrderView order(@PathVariable String orderNumber) {
        Caller caller = Caller.current();
        OrderView order = book.order(orderNumber).map(OrderView::of).orElseThrow(() -> unknownOrder(orderNumber));
        String area = order.gridCode() != null ? order.gridCode()
                : book.linkOf(order.caseId()).map(CaseLink::areaCode).orElse(null);
        if (!caller.covers(area)) {
            throw unknownOrder(orderNumber);
        }
        return order;
    }

    /** Which work order a grid case belongs to — for escalated cases, the order the hotline opened for it. */
    @GetMapping("/cases/{caseId}")
    CaseLink caseLink(@PathVariable String caseId) {
        return book.linkOf(caseId).filter(link -> Caller.current().covers(link.areaCode()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_CASE",
                "案件与12345无关", "案件 " + caseId + " 不是12345工单，也未上报12345"));
    }

    static ApiException unknownOrder(String orderNumber) {
        return new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_ORDER", "工单不存在", "没有编号为 " + orderNumber + " 的工单");
    }
}
