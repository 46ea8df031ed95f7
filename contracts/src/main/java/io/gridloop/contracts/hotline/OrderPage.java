package io.gridloop.contracts.hotline;

import java.util.List;

/** A page of orders pulled from the hotline, oldest first; {@code nextCursor} continues after it. */
public record OrderPage(List<WorkOrder> orders, String nextCursor) {

    public OrderPage {
        orders = orders == null ? List.of() : List.copyOf(orders);
    }
}
