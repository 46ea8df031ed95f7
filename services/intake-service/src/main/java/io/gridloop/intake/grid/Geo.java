package io.gridloop.intake.grid;

import io.gridloop.contracts.event.GeoPoint;

import java.util.List;

/** The little geometry intake needs: distances on the earth and whether a point lies in an outline. */
public final class Geo {

    private static final double EARTH_RADIUS_M = 6_371_000;

    private Geo() {
    }

    /** Great-circle distance in metres (haversine). */
    public static double distance(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
    }

    /** Ray casting; grids are small enough to treat degrees as a plane. */
    static boolean inside(GeoPoint p, List<GeoPoint> polygon) {
        boolean in = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            GeoPoint a = polygon.get(i);
            GeoPoint b = polygon.get(j);
            if ((a.latitude() > p.latitude()) != (b.latitude() > p.latitude())
                    && p.longitude() < (b.longitude() - a.longitude()) * (p.latitude() - a.latitude())
                    / (b.latitude() - a.latitude()) + a.longitude()) {
                in = !in;
            }
        }
        return in;
    }

    /** Distance in metres from {@code p} to the nearest corner of {@code polygon}: "near" is measured generously. */
    static double distanceToOutline(GeoPoint p, List<GeoPoint> polygon) {
        return polygon.stream().mapToDouble(v -> distance(p, v)).min().orElse(Double.MAX_VALUE);
    }
}
