package io.gridloop.dispatch.lifecycle;

/** An allowed action given without what it needs (a reason, a target case…), or that cannot apply to this case. */
public class InvalidActionException extends RuntimeException {

    private final String field;

    public InvalidActionException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field at fault, or {@code null} when the case itself is the problem. */
    public String field() {
        return field;
    }
}
