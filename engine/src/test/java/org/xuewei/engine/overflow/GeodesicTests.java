package org.xuewei.engine.overflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeodesicTests {
    private static double dms(int d, int m, double s) {
        return Math.signum(d) * (Math.abs(d) + m / 60.0 + s / 3600.0);
    }

    /** Vincenty (1975)'s own test: Flinders Peak to Buninyong, 54 972.271 m. */
    @Test
    void flindersPeakToBuninyong() {
        double d = Geodesic.distance(dms(-37, 57, 3.72030), dms(144, 25, 29.52440),
                dms(-37, 39, 10.15610), dms(143, 55, 35.38390));
        assertThat(d).isCloseTo(54972.271, within(0.001));
    }

    @Test
    void oneDegreeOfLatitudeAtTheEquator() {
        // Meridian arc from 0° to 1°: 110 574.389 m on WGS-84.
        assertThat(Geodesic.distance(0, 0, 1, 0)).isCloseTo(110574.389, within(0.01));
    }

    @Test
    void insideNanchangTheSphereIsWithinAFewTenthsOfAPercent() {
        double exact = Geodesic.distance(28.68, 115.86, 28.75, 115.95);
        double sphere = Geodesic.greatCircle(28.68, 115.86, 28.75, 115.95);
        assertThat(Math.abs(exact - sphere) / exact).isLessThan(0.006);
        assertThat(Geodesic.distance(28.68, 115.86, 28.68, 115.86)).isZero();
    }

    @Test
    void nearlyAntipodalPointsStillGetADistance() {
        assertThat(Geodesic.distance(0, 0, 0.5, 179.7)).isBetween(19_900_000.0, 20_100_000.0);
    }
}
