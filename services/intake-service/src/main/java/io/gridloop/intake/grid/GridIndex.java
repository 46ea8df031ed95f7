package io.gridloop.intake.grid;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The active grids in two R-trees (JTS's STR-tree): outlines, to find the one a position lies in, and centres,
 * for grids registered without an outline. Built whenever the registry changes; a lookup touches the few grids
 * whose boxes hold the position, not the city's thousands.
 */
final class GridIndex {

    private record Outlined(GridArea grid, PreparedGeometry outline) {
    }

    private final STRtree outlines = new STRtree();
    private final STRtree centres = new STRtree();

    private GridIndex() {
    }

    static GridIndex of(Collection<GridArea> areas) {
        GridIndex index = new GridIndex();
        for (GridArea a : areas) {
            if (a.level() != AreaLevel.GRID || !a.active()) {
                continue;
            }
            if (a.polygon().size() >= 3) {
                var polygon = Geo.polygonOf(a.polygon());
                index.outlines.insert(polygon.getEnvelopeInternal(),
                        new Outlined(a, PreparedGeometryFactory.prepare(polygon)));
            }
            if (a.centroid() != null) {
                index.centres.insert(new Envelope(new Coordinate(a.centroid().longitude(), a.centroid().latitude())),
                        a);
            }
        }
        index.outlines.build();
        index.centres.build();
        return index;
    }

    /** The active grid whose outline holds {@code p}; of overlapping ones, the lowest code. */
    Optional<GridArea> containing(GeoPoint p) {
        Point point = Geo.GEOMETRY.createPoint(new Coordinate(p.longitude(), p.latitude()));
        @SuppressWarnings("unchecked")
        List<Outlined> candidates = outlines.query(point.getEnvelopeInternal());
        return candidates.stream().filter(o -> o.outline().covers(point)).map(Outlined::grid)
                .min(Comparator.comparing(GridArea::code));
    }

    /** The active grid with the nearest centre within {@code metres} of {@code p}. */
    Optional<GridArea> nearestCentre(GeoPoint p, double metres) {
        double[] span = Geo.degreesAround(p, metres);
        Envelope around = new Envelope(p.longitude() - span[1], p.longitude() + span[1], p.latitude() - span[0],
                p.latitude() + span[0]);
        @SuppressWarnings("unchecked")
        List<GridArea> candidates = centres.query(around);
        return candidates.stream().filter(g -> Geo.distance(p, g.centroid()) <= metres)
                .min(Comparator.comparingDouble((GridArea g) -> Geo.distance(p, g.centroid()))
                        .thenComparing(GridArea::code));
    }
}
