package io.gridloop.dispatch.unit;

/**
 * A person working for a unit (工作人员), as an administrator registered them: who a case may be assigned to
 * (指派). {@code username} is their sign-in name, the one the realm puts in their tokens.
 */
public record Member(String username, String name) {
}
