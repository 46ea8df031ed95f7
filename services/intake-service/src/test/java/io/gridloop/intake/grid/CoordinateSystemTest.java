package io.gridloop.intake.grid;

import io.gridloop.contracts.event.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Positions from Chinese maps back to WGS-84, and "near a grid" measured to its edge. */
class CoordinateSystemTest {

    private static final GeoPoint HOHHOT = new GeoPoint(40.8425, 111.7490);

    @ParameterizedTest
    @EnumSource(CoordinateSystem.class)
    void shouldComeBackToTheSameGpsPositionWithinCentimetres(CoordinateSystem system) {
        for (GeoPoint p : List.of(HOHHOT, new GeoPoint(22.5431, 114.0579), new GeoPoint(45.8038, 126.5350))) {
            GeoPoint back = system.toWgs84(system.fromWgs84(p));
            assertThat(Geo.distance(back, p)).as("%s at %s", system, p).isLessThan(0.2);
        }
    }

    @Test
    void shouldShiftHohhotBySeveralHundredMetresOnChineseMapsAndNothingAbroad() {
        assertThat(Geo.distance(CoordinateSystem.GCJ02.fromWgs84(HOHHOT), HOHHOT)).isBetween(400.0, 800.0);
        assertThat(Geo.distance(CoordinateSystem.BD09.fromWgs84(HOHHOT), HOHHOT))
                .isGreaterThan(Geo.distance(CoordinateSystem.GCJ02.fromWgs84(HOHHOT), HOHHOT));
        GeoPoint tokyo = new GeoPoint(35.6812, 139.7671);
        assertThat(CoordinateSystem.GCJ02.fromWgs84(tokyo)).isEqualTo(tokyo);
        assertThat(CoordinateSystem.GCJ02.toWgs84(tokyo)).isEqualTo(tokyo);
    }

    @Test
    void shouldMeasureHowFarOutsideAnOutlineToItsNearestEdge() {
        List<GeoPoint> square = List.of(new GeoPoint(40.000, 111.000), new GeoPoint(40.000, 111.010),
                new GeoPoint(40.010, 111.010), new GeoPoint(40.010, 111.000));
        assertThat(Geo.metresOutside(new GeoPoint(40.005, 111.005), square)).isZero();
        assertThat(Geo.metresOutside(new GeoPoint(40.000 - 50 / 111_195.0, 111.005), square)).isCloseTo(50.0,
                org.assertj.core.data.Offset.offset(0.5));
        // Beyond a corner the nearest edge point is the corner.
        GeoPoint beyond = new GeoPoint(40.010 + 100 / 111_195.0, 111.010);
        assertThat(Geo.metresOutside(beyond, square)).isCloseTo(Geo.distance(beyond, new GeoPoint(40.010, 111.010)),
                org.assertj.core.data.Offset.offset(0.5));
    }
}
