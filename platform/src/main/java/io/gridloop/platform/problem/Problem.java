package io.gridloop.platform.problem;

import java.util.Map;

/**
 * What every answer of problem+json carries, whoever throws it: a stable machine {@code code} (for programs), a
 * Chinese {@code title} and detail (the message, for people), and members of its own (the actions a case allows,
 * the fields at fault). {@link Refusal} is the application's; {@code ApiException} the HTTP edge's.
 */
public abstract class Problem extends RuntimeException {

    private final String code;
    private final String title;
    private final ProblemMembers members = new ProblemMembers();

    protected Problem(String code, String title, String detail) {
        super(detail);
        this.code = code;
        this.title = title;
    }

    /** Adds a member to what the caller is told. */
    protected void add(String name, Object value) {
        members.put(name, value);
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return members.asMap();
    }
}
