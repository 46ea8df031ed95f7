package io.gridloop.hotline.extension;

import io.gridloop.contracts.hotline.ExtensionDecision;
import io.gridloop.hotline.order.OrderMessages;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** An extension decision as received, under the hotline's decision id: sent again, it is passed on once. */
@Document(StoredDecision.COLLECTION)
record StoredDecision(@Id String decisionId, String orderNumber, String caseId, ExtensionDecision decision,
                      Instant receivedAt, Instant publishedAt) implements OrderMessages.Stored {

    static final String COLLECTION = "hotline_extension_decisions";

    @Override
    public String id() {
        return decisionId;
    }
}
