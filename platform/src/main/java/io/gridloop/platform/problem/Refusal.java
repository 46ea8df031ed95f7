package io.gridloop.platform.problem;

/**
 * What the application turns down for a reason that trying again will not change: a report in no grid, an action
 * the case's state does not allow, a case that does not exist. Plain Java, thrown by application code whichever way
 * the work came in: at the HTTP edge it becomes RFC 9457 problem+json with the status of its {@link Kind}, a stable
 * machine {@code code} and a Chinese {@code title}/{@code detail}; in a Kafka listener it goes to the dead-letter
 * topic at once rather than being retried.
 */
public class Refusal extends Problem {

    /** Why it is turned down; the HTTP edge answers each with its own status. */
    public enum Kind {
        /** the request itself is malformed (400) */
        MALFORMED,
        /** the caller may not do this (403) */
        NOT_ALLOWED,
        /** what it names does not exist, or is not the caller's to see (404) */
        NOT_FOUND,
        /** the thing changed meanwhile or is in a state that does not allow it (409) */
        CONFLICT,
        /** more than the service takes (413) */
        TOO_LARGE,
        /** content of a type the service does not take (415) */
        UNSUPPORTED_TYPE,
        /** well-formed, but against a rule (422) */
        INVALID
    }

    private final Kind kind;

    public Refusal(Kind kind, String code, String title, String detail) {
        super(code, title, detail);
        this.kind = kind;
    }

    public static Refusal invalid(String code, String title, String detail) {
        return new Refusal(Kind.INVALID, code, title, detail);
    }

    public static Refusal notFound(String code, String title, String detail) {
        return new Refusal(Kind.NOT_FOUND, code, title, detail);
    }

    public static Refusal conflict(String code, String title, String detail) {
        return new Refusal(Kind.CONFLICT, code, title, detail);
    }

    public static Refusal notAllowed(String code, String title, String detail) {
        return new Refusal(Kind.NOT_ALLOWED, code, title, detail);
    }

    /** Adds a member to what the caller is told, e.g. the actions the case allows. */
    public Refusal with(String name, Object value) {
        add(name, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

}
