package io.gridloop.hotline.order;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * Which work order a grid case belongs to, by case id: how a transition finds its order (the embedded MongoDB-wire
 * server indexes only {@code _id}, so each direction has its own collection).
 *
 * @param orderNumber  the hotline's order number; {@code null} for an escalation the hotline has not answered yet
 * @param lastFeedback the handler's latest feedback (反馈) text: the result the 办结反馈 reports when the case closes
 * @param lastFeedbackPhotos the photos given with that feedback (ids in dispatch's photo store), which the
 *                     办结反馈 carries
 * @param areaCode     where the case lies (its grid, else its district), learnt from its transitions: who may look
 *                     the order up is decided by it; {@code null} until dispatch has opened the case
 * @param escalatedAt  for an escalated case, the sequence of the transition that escalated it to the city: the
 *                     order the hotline opened hears the steps after it, never the ones before
 */
@Document(CaseLink.COLLECTION)
public record CaseLink(@Id String caseId, String orderNumber, Origin origin, String lastFeedback, String areaCode,
                       Integer escalatedAt, List<String> lastFeedbackPhotos) {

    public CaseLink {
        lastFeedbackPhotos = lastFeedbackPhotos == null ? List.of() : List.copyOf(lastFeedbackPhotos);
    }

    public static final String COLLECTION = "hotline_cases";
}
