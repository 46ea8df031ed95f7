package io.gridloop.contracts.hotline;

/** The bridge's answer to an extension decision: which case it went to, and whether it had come before. */
public record DecisionReceipt(String decisionId, String caseId, boolean duplicate) {
}
