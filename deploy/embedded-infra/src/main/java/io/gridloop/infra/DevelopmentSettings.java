package io.gridloop.infra;

import io.gridloop.infra.auth.DevTokenIssuer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a service needs to run in the local stack or a test that an installation must set for itself: the
 * realm to trust (the development issuer), the 12345 interface's HMAC secret, the key that encrypts 12345
 * contacts at rest and the demo Open311 client. None of
 * these is a default in a service's own configuration, so a service started outside the local stack without them
 * refuses to start instead of running on values anyone can read in this repository.
 */
public final class DevelopmentSettings {

    /** The HMAC secret the local stack's bridge and 12345 simulator share. Public: never use it elsewhere. */
    public static final String HOTLINE_SECRET = "gridloop-development-only-12345-hmac-secret";

    /** The key that encrypts 12345 contacts at rest in the local stack (32 bytes, Base64). Public too. */
    public static final String CONTACT_KEY = "Z3JpZGxvb3AtZGV2ZWxvcG1lbnQtb25seS1rZXktMzI=";

    /** The Open311 api key of the local stack's demo client. */
    public static final String OPEN311_KEY = "demo-open311-key";

    private DevelopmentSettings() {
    }

    /** The properties for services signing people in at {@code issuer}. */
    public static Map<String, Object> of(DevTokenIssuer issuer) {
        return of(issuer.springProperties());
    }

    /** The properties for services trusting the realm these properties name (issuer and key set). */
    public static Map<String, Object> of(Map<String, Object> realm) {
        Map<String, Object> settings = new LinkedHashMap<>(realm);
        // Services of the local stack and the tests answer this machine only.
        settings.put("server.address", "127.0.0.1");
        settings.put("gridloop.hotline.secret", HOTLINE_SECRET);
        settings.put("gridloop.hotline.contact-key", CONTACT_KEY);
        settings.put("gridloop.intake.open311.clients[0].key", OPEN311_KEY);
        settings.put("gridloop.intake.open311.clients[0].name", "演示客户端");
        return settings;
    }
}
