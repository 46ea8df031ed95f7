package io.gridloop.intake.grid;

import io.gridloop.contracts.event.GeoPoint;

/**
 * The coordinate systems positions come in from Chinese phones and maps. GPS gives WGS-84; maps published in
 * China must use GCJ-02 (Amap/高德, Tencent/腾讯, WeChat's location), which shifts a position by a few hundred
 * metres (about 590 m in Hohhot); Baidu adds its own BD-09 on top. gridloop stores and compares WGS-84 only —
 * the grid registry's outlines are WGS-84 — so a report says which system its position is in and intake converts.
 * <p>
 * GCJ-02 is defined only by its forward transformation from WGS-84; the way back is found by iterating the
 * forward one, to well under a centimetre (BD-09's own step back is Baidu's published approximation, a few
 * centimetres). Outside the rectangle GCJ-02 is defined on (China's extent, neighbours' edges included) it is
 * WGS-84.
 */
public enum CoordinateSystem {
    WGS84("WGS-84（GPS原始坐标）"),
    GCJ02("GCJ-02（高德、腾讯、微信）"),
    BD09("BD-09（百度）");

    private static final double AXIS = 6_378_245.0;
    private static final double ECCENTRICITY_SQUARED = 0.00669342162296594323;
    private static final double BAIDU_PI = Math.PI * 3000.0 / 180.0;

    private final String label;

    CoordinateSystem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code p}, given in this system, in WGS-84. */
    public GeoPoint toWgs84(GeoPoint p) {
        return switch (this) {
            case WGS84 -> p;
            case GCJ02 -> gcjToWgs(p);
            case BD09 -> gcjToWgs(bdToGcj(p));
        };
    }

    /** {@code p}, given in WGS-84, in this system: what a Chinese map shows for a GPS position. */
    public GeoPoint fromWgs84(GeoPoint p) {
        return switch (this) {
            case WGS84 -> p;
            case GCJ02 -> wgsToGcj(p);
            case BD09 -> gcjToBd(wgsToGcj(p));
        };
    }

    private static boolean outsideChina(GeoPoint p) {
        return p.longitude() < 72.004 || p.longitude() > 137.8347 || p.latitude() < 0.8293 || p.latitude() > 55.8271;
    }

    private static GeoPoint wgsToGcj(GeoPoint p) {
        if (outsideChina(p)) {
            return p;
        }
        double x = p.longitude() - 105.0;
        double y = p.latitude() - 35.0;
        double dLat = shiftLatitude(x, y);
        double dLon = shiftLongitude(x, y);
        double radLat = Math.toRadians(p.latitude());
        double magic = 1 - ECCENTRICITY_SQUARED * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = dLat * 180.0 / ((AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (AXIS / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new GeoPoint(p.latitude() + dLat, p.longitude() + dLon);
    }

    /** The WGS-84 position whose GCJ-02 image is {@code g}: fixed-point iteration of the forward shift. */
    private static GeoPoint gcjToWgs(GeoPoint g) {
        if (outsideChina(g)) {
            return g;
        }
        double lat = g.latitude();
        double lon = g.longitude();
        for (int i = 0; i < 30; i++) {
            GeoPoint image = wgsToGcj(new GeoPoint(lat, lon));
            double dLat = image.latitude() - g.latitude();
            double dLon = image.longitude() - g.longitude();
            lat -= dLat;
            lon -= dLon;
            if (Math.abs(dLat) < 1e-10 && Math.abs(dLon) < 1e-10) {
                break;
            }
        }
        return new GeoPoint(lat, lon);
    }

    private static double shiftLatitude(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double shiftLongitude(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }

    private static GeoPoint bdToGcj(GeoPoint b) {
        double x = b.longitude() - 0.0065;
        double y = b.latitude() - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BAIDU_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BAIDU_PI);
        return new GeoPoint(z * Math.sin(theta), z * Math.cos(theta));
    }

    private static GeoPoint gcjToBd(GeoPoint g) {
        double x = g.longitude();
        double y = g.latitude();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * BAIDU_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * BAIDU_PI);
        return new GeoPoint(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }
}
