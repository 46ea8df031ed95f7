package io.gridloop.platform.problem;

/**
 * A refusal that may pass if tried again: the thing was changed by someone else while this was being worked out
 * (e.g. another instance wrote the case three times over). The HTTP edge answers 409 like any conflict; a Kafka
 * listener retries it (with back-off) instead of dead-lettering it at once.
 */
public class ChangedMeanwhile extends Refusal {

    public ChangedMeanwhile(String code, String title, String detail) {
        super(Kind.CONFLICT, code, title, detail);
    }
}
