package io.gridloop.metrics.workbench;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the workbench's page finds what it talks to. The page calls each service's API straight from the
 * browser, so these are addresses people's browsers reach (the installation's address with a path per service
 * behind its proxy, or the local stack's ports), and each service allows the page's origin
 * ({@code gridloop.web.cors.origins}).
 *
 * @param issuerUri   the realm people sign in to (OpenID Connect discovery under it)
 * @param clientId    the public client the pages sign in as (authorization code with PKCE)
 * @param intakeUrl   reports, photos, the grid registry (intake-service)
 * @param dispatchUrl cases, work lists, units, rules, calendar (dispatch-service)
 * @param statsUrl    figures and the overdue list (stats-service)
 * @param hotlineUrl  12345 orders and their dead letters (hotline-bridge)
 * @param mapTiles    optional: the installation's map tiles under the case map's grid outlines, an XYZ template
 *                    such as {@code https://tiles.example.gov.cn/{z}/{x}/{y}.png} (Web Mercator, WGS-84 /
 *                    CGCS2000 like 天地图 — the registry's outlines are WGS-84); empty: outlines alone, which
 *                    need no map server. Its origin goes into {@code gridloop.workbench.map-tiles-origin} so the
 *                    page's security policy lets the tiles load
 * @param mapTilesOrigin the origin of {@code mapTiles} ({@code https://tiles.example.gov.cn}), which
 *                    {@code gridloop.web.content-security-policy} names among the images the page may load
 */
@ConfigurationProperties("gridloop.workbench")
public record WorkbenchSettings(String issuerUri, String clientId, String intakeUrl, String dispatchUrl,
                                String statsUrl, String hotlineUrl, String mapTiles, String mapTilesOrigin) {

    public WorkbenchSettings {
        mapTiles = mapTiles == null ? "" : mapTiles.strip();
        mapTilesOrigin = mapTilesOrigin == null ? "" : mapTilesOrigin.strip();
        clientId = clientId == null || clientId.isBlank() ? "gridloop-web" : clientId;
        intakeUrl = base(intakeUrl, "http://localhost:8081");
        dispatchUrl = base(dispatchUrl, "http://localhost:8082");
        hotlineUrl = base(hotlineUrl, "http://localhost:8083");
        statsUrl = base(statsUrl, "http://localhost:8084");
    }

    private static String base(String url, String fallback) {
        return url == null || url.isBlank() ? fallback : url.replaceAll("/+$", "");
    }
}
