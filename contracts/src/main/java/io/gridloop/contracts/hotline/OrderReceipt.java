package io.gridloop.contracts.hotline;

/** The bridge's answer to a pushed order: the case it becomes, and whether it had been received before. */
public record OrderReceipt(String orderNumber, String caseId, boolean duplicate) {
}
