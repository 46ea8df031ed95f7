package io.gridloop.contracts.hotline;

/** The hotline's answer to an escalation: the work order it opened for the case. */
public record EscalationReceipt(String reportId, String orderNumber) {
}
