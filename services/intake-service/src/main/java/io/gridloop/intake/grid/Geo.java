package io.gridloop.intake.grid;

import io.gridloop.contracts.event.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.util.List;

/**
 * Distances on the earth, and how far a position lies outside an outline. Outlines are tested with JTS (a kept
 * geometry library) in a plane of metres laid around the position: at a grid's size (a few hundred metres to a
 * few kilometres) the flattening error is centimetres.
 */
public final class Geo {

    private static final double EARTH_RADIUS_M = 6_371_000;
    private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_M / 180;
    static final GeometryFactory GEOMETRY = new GeometryFactory();

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

    /**
     * How far {@code p} lies outside {@code outline} in metres, to its nearest edge; 0 inside or on it.
     *
     * @param outline at least three corners, not closed (the last connects to the first)
     */
    static double metresOutside(GeoPoint p, List<GeoPoint> outline) {
        double perDegreeLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(p.latitude()));
        Coordinate[] ring = new Coordinate[outline.size() + 1];
        for (int i = 0; i < outline.size(); i++) {
            GeoPoint c = outline.get(i);
            ring[i] = new Coordinate((c.longitude() - p.longitude()) * perDegreeLon,
                    (c.latitude() - p.latitude()) * METRES_PER_DEGREE);
        }
        ring[outline.size()] = ring[0];
        Polygon around = GEOMETRY.createPolygon(ring);
        return around.distance(GEOMETRY.createPoint(new Coordinate(0, 0)));
    }

    /** An outline in degrees (x = longitude, y = latitude), for the spatial index. */
    static Polygon polygonOf(List<GeoPoint> outline) {
        Coordinate[] ring = new Coordinate[outline.size() + 1];
        for (int i = 0; i < outline.size(); i++) {
            ring[i] = new Coordinate(outline.get(i).longitude(), outline.get(i).latitude());
        }
        ring[outline.size()] = ring[0];
        return GEOMETRY.createPolygon(ring);
    }

    /**
     * Where an outline's centre lies (its centre of area; for a shape that is not simple, JTS's interior point), for
     * an area a GIS exported by its outline alone.
     */
    static GeoPoint centreOf(List<GeoPoint> outline) {
        Polygon polygon = polygonOf(outline);
        org.locationtech.jts.geom.Point centre = polygon.isValid() ? polygon.getCentroid() : polygon.getInteriorPoint();
        return new GeoPoint(Math.round(centre.getY() * 1e6) / 1e6, Math.round(centre.getX() * 1e6) / 1e6);
    }

    /** Degrees of latitude and of longitude that {@code metres} span at {@code p}. */
    static double[] degreesAround(GeoPoint p, double metres) {
        return new double[] {metres / METRES_PER_DEGREE,
                metres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(p.latitude()))))};
    }
}
