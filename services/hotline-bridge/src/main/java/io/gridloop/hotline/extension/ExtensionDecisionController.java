package io.gridloop.hotline.extension;

import io.gridloop.contracts.hotline.DecisionReceipt;
import io.gridloop.contracts.hotline.ExtensionDecision;
import io.gridloop.hotline.signature.SignedByHotline;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The 12345 platform's answers to the extension requests (延期申请) of its orders. */
@RestController
class ExtensionDecisionController {

    private final ExtensionDecisions decisions;

    ExtensionDecisionController(ExtensionDecisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/api/v1/hotline/orders/{orderNumber}/extension-decisions")
    @SignedByHotline
    ResponseEntity<DecisionReceipt> receive(@PathVariable String orderNumber,
                                            @Valid @RequestBody ExtensionDecision decision) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(decisions.accept(orderNumber, decision));
    }
}
