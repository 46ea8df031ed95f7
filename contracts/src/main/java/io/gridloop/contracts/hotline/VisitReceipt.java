package io.gridloop.contracts.hotline;

/** The bridge's answer to a return visit. */
public record VisitReceipt(String visitId, String caseId, boolean duplicate) {
}
