package io.gridloop.infra.auth;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users and clients of the Keycloak demo realm export ({@code deploy/keycloak/demo-realm.json}), read the way
 * Keycloak reads them: realm roles, the {@code area} and {@code unit} attributes, passwords, client secrets and
 * service accounts. The development issuer signs in exactly these.
 */
public final class DevRealm {

    static final String RESOURCE = "keycloak/demo-realm.json";

    /** A person who signs in with a password. */
    public record User(String username, String password, Identity identity) {
    }

    /**
     * An application: public ones sign people in, confidential ones sign in as their service account.
     *
     * @param audiences    the services its tokens are for ({@code aud}), from the client's audience mappers
     * @param standardFlow whether people sign in through the login page (authorization code)
     * @param redirectUris where the login page may send them back to, as Keycloak writes them (a trailing
     *                     {@code *} matches any rest)
     * @param pkceMethod   the PKCE method the client must use ({@code S256}), or absent
     */
    public record Client(String clientId, String secret, boolean publicClient, boolean directAccessGrants,
                         Identity serviceAccount, List<String> audiences, boolean standardFlow,
                         List<String> redirectUris, String pkceMethod) {

        public Client {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }

        /**
         * Whether the login page may send a person back to {@code uri}: Keycloak's matching (exact, or a prefix
         * before a trailing {@code *}), and — as RFC 8252 asks of loopback redirects — any port where the
         * registered address names {@code localhost} without one, so pages on the tests' free ports may sign in.
         */
        public boolean mayRedirectTo(String uri) {
            if (uri == null || uri.isBlank()) {
                return false;
            }
            for (String allowed : redirectUris) {
                String candidate = allowed.startsWith("http://localhost/") || allowed.startsWith("http://localhost*")
                        ? uri.replaceFirst("^http://localhost:\\d{1,5}/", "http://localhost/") : uri;
                if (allowed.endsWith("*") ? candidate.startsWith(allowed.substring(0, allowed.length() - 1))
                        : candidate.equals(allowed)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Every service's audience: a token of an application the realm does not know (tests' own identities) is for
     * all of them. Each service accepts only tokens whose {@code aud} names it (its application name).
     */
    public static final List<String> ALL_AUDIENCES = List.of("intake-service", "dispatch-service", "hotline-bridge",
            "stats-service", "metrics-service");

    private final String name;
    private final Map<String, User> users;
    private final Map<String, Client> clients;

    private DevRealm(String name, Map<String, User> users, Map<String, Client> clients) {
        this.name = name;
        this.users = users;
        this.clients = clients;
    }

    /** The realm export on the class path. */
    public static DevRealm standard() {
        return parse(JsonMapper.builder().build().readTree(export()));
    }

    /** The demo realm's export as Keycloak imports it ({@code deploy/keycloak/demo-realm.json}). */
    public static byte[] export() {
        try (InputStream in = DevRealm.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DevRealm parse(JsonNode realm) {
        Map<String, JsonNode> serviceAccounts = new LinkedHashMap<>();
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, JsonNode> clientNodes = new LinkedHashMap<>();
        realm.path("clients").forEach(c -> clientNodes.put(c.path("clientId").asString(), c));
        for (JsonNode u : realm.path("users")) {
            if (u.hasNonNull("serviceAccountClientId")) {
                serviceAccounts.put(u.path("serviceAccountClientId").asString(), u);
                continue;
            }
            String password = null;
            for (JsonNode credential : u.path("credentials")) {
                if ("password".equals(credential.path("type").asString())) {
                    password = credential.path("value").asString();
                }
            }
            String username = u.path("username").asString();
            users.put(username, new User(username, password, identity(u, username, u.path("firstName").asString(username), null)));
        }
        Map<String, Client> clients = new LinkedHashMap<>();
        clientNodes.forEach((id, c) -> {
            JsonNode account = serviceAccounts.get(id);
            clients.put(id, new Client(id, c.path("secret").asString(null), c.path("publicClient").asBoolean(false),
                    c.path("directAccessGrantsEnabled").asBoolean(false),
                    account == null || !c.path("serviceAccountsEnabled").asBoolean(false) ? null
                            // Keycloak names a service account by its user's first name, as it does a person.
                            : identity(account, account.path("username").asString(),
                            account.path("firstName").asString(account.path("username").asString()), id),
                    audiences(c), c.path("standardFlowEnabled").asBoolean(true), strings(c.path("redirectUris")),
                    c.path("attributes").path("pkce.code.challenge.method").asString(null)));
        });
        // In the file's order: the start-up banner lists the users as the realm export does.
        return new DevRealm(realm.path("realm").asString(), Collections.unmodifiableMap(users),
                Collections.unmodifiableMap(clients));
    }

    /** What Keycloak's {@code oidc-audience-mapper}s of the client put in {@code aud}. */
    private static List<String> audiences(JsonNode client) {
        List<String> audiences = new ArrayList<>();
        for (JsonNode mapper : client.path("protocolMappers")) {
            if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asString())
                    && "true".equals(mapper.path("config").path("access.token.claim").asString())) {
                audiences.add(mapper.path("config").path("included.custom.audience").asString());
            }
        }
        return List.copyOf(audiences);
    }

    private static Identity identity(JsonNode user, String username, String name, String client) {
        return new Identity(username, name, strings(user.path("realmRoles")),
                strings(user.path("attributes").path("area")), first(user.path("attributes").path("unit")),
                strings(user.path("attributes").path("channel")), client);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String first(JsonNode array) {
        return array.isArray() && !array.isEmpty() ? array.get(0).asString() : null;
    }

    public String name() {
        return name;
    }

    public List<User> users() {
        return List.copyOf(users.values());
    }

    public Optional<User> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public Optional<Client> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    public List<Client> clients() {
        return List.copyOf(clients.values());
    }
}
