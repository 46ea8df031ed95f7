package io.gridloop.hotline.visit;

import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.contracts.hotline.VisitReceipt;
import io.gridloop.hotline.signature.SignedByHotline;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Return visits (回访) from the 12345 platform. */
@RestController
class VisitController {

    private final ReturnVisits visits;

    VisitController(ReturnVisits visits) {
        this.visits = visits;
    }

    @PostMapping("/api/v1/hotline/orders/{orderNumber}/visits")
    @SignedByHotline
    ResponseEntity<VisitReceipt> receive(@PathVariable String orderNumber, @Valid @RequestBody ReturnVisit visit) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(visits.accept(orderNumber, visit));
    }
}
