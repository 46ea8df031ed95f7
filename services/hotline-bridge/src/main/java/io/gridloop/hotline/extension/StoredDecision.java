package io.gridloop.hotline.extension;

import io.gridloop.contracts.hotline.ExtensionDecision;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** An extension decision as received, under the hotline's decision id: sent again, it is passed on once. */
@Document(StoredDecision.COLLECTION)
record StoredDecision(@Id String decisionId, String orderNumber, String caseId, ExtensionDecision decision,
                      Instant receivedAt, Instant publishedAt) {

    static final String COLLECTION = "hotline_extension_decisions";
}
