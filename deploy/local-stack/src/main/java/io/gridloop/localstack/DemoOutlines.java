package io.gridloop.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The outlines of 赛罕区's grids (generated with the demo registry by {@code deploy/grid-registry/generate.py
 * --outlines 150105}), imported into the registry as an administrator imports a GIS export, so the case page's
 * map draws the grids rather than their centres. Importing them again changes nothing.
 */
final class DemoOutlines {

    static final String RESOURCE = "/demo/saihan-grid-outlines.geojson";

    static void importInBackground(String intake, String adminToken) {
        DemoSetup.inBackground("grid-outlines", adminToken, Map.of("150105", new DemoSetup.Call("POST",
                intake + "/api/v1/admin/grid-registry", "application/geo+json", geoJson())));
    }

    static byte[] geoJson() {
        try (InputStream in = DemoOutlines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the local stack's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DemoOutlines() {
    }
}
