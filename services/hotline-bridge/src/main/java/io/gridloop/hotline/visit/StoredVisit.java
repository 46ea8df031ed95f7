package io.gridloop.hotline.visit;

import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.hotline.order.OrderMessages;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A return visit as received, under the hotline's visit id: the same visit sent again is passed on once. */
@Document(StoredVisit.COLLECTION)
record StoredVisit(@Id String visitId, String orderNumber, String caseId, ReturnVisit visit, Instant receivedAt,
                   Instant publishedAt) implements OrderMessages.Stored {

    static final String COLLECTION = "hotline_visits";

    @Override
    public String id() {
        return visitId;
    }
}
