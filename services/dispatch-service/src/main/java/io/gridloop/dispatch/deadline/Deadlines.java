package io.gridloop.dispatch.deadline;

import java.time.Instant;

/**
 * A case's deadlines.
 *
 * @param acceptBy by when the handling unit must accept and verify (受理/核实)
 * @param closeBy  by when the case must be closed (结案期限)
 * @param warnAt   when to warn that {@code closeBy} approaches (预警)
 */
public record Deadlines(Instant acceptBy, Instant closeBy, Instant warnAt) {
}
