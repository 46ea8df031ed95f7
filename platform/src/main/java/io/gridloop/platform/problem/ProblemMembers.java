package io.gridloop.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a problem document tells besides RFC 9457's own members: the actions a case allows, the fields at fault,
 * when to try again. Kept in the order they were added.
 */
public final class ProblemMembers {

    /** RFC 9457's own members, and the machine code every gridloop problem has: an extension may not reuse them. */
    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "code");

    private final Map<String, Object> members = new LinkedHashMap<>();

    public void put(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a member of every problem document");
        }
        members.put(name, value);
    }

    public Map<String, Object> asMap() {
        return Map.copyOf(members);
    }
}
