package io.gridloop.dispatch.supervision;

import io.gridloop.platform.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 督办 records, newest first: those of a unit (supervised or notified), or all. */
@RestController
class SupervisionController {

    private final Supervisions supervisions;

    SupervisionController(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    @GetMapping("/api/v1/supervisions")
    List<Supervision> list(@RequestParam(required = false) String unit,
                           @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于0") int page,
                           @RequestParam(defaultValue = "20") @Min(value = 1, message = "不能小于1")
                           @Max(value = 200, message = "不能大于200") int size) {
        return supervisions.involving(unit, Caller.current().areas(), page, size);
    }
}
