package io.gridloop.infra.auth;

import java.util.List;

/**
 * Whom a token speaks for: the claims gridloop reads ({@code preferred_username}, {@code name},
 * {@code realm_access.roles}, {@code area}, {@code unit}, {@code azp}).
 */
public record Identity(String username, String name, List<String> roles, List<String> areas, String unit,
                       String client) {

    public Identity {
        roles = List.copyOf(roles);
        areas = List.copyOf(areas);
    }

    /** A person or machine with these roles in these areas, e.g. {@code of("sv", List.of("SUPERVISOR"), "150105")}. */
    public static Identity of(String username, List<String> roles, String... areas) {
        return new Identity(username, username, roles, List.of(areas), null, "gridloop-test");
    }

    public Identity withUnit(String unitCode) {
        return new Identity(username, name, roles, areas, unitCode, client);
    }
}
