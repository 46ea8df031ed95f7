package io.gridloop.infra.auth;

import java.util.List;

/**
 * Whom a token speaks for: the claims gridloop reads ({@code preferred_username}, {@code name},
 * {@code realm_access.roles}, {@code area}, {@code unit}, {@code channel}, {@code azp}).
 *
 * @param channels for a reporting channel's back end: the sources it reports as ({@code CITIZEN_PHOTO}…)
 */
public record Identity(String username, String name, List<String> roles, List<String> areas, String unit,
                       List<String> channels, String client) {

    public Identity {
        roles = List.copyOf(roles);
        areas = List.copyOf(areas);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** A person or machine with these roles in these areas, e.g. {@code of("sv", List.of("SUPERVISOR"), "150105")}. */
    public static Identity of(String username, List<String> roles, String... areas) {
        return new Identity(username, username, roles, List.of(areas), null, List.of(), "gridloop-test");
    }

    public Identity withUnit(String unitCode) {
        return new Identity(username, name, roles, areas, unitCode, channels, client);
    }

    /** The same caller as a reporting channel reporting as these sources. */
    public Identity withChannels(String... sources) {
        return new Identity(username, name, roles, areas, unit, List.of(sources), client);
    }

    /** The same person signed in through another application. */
    public Identity through(String clientId) {
        return new Identity(username, name, roles, areas, unit, channels, clientId);
    }
}
