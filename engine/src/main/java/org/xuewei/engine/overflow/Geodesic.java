package org.xuewei.engine.overflow;

/**
 * Straight-line (geodesic) distance on the WGS-84 ellipsoid by Vincenty's inverse formula
 * (T. Vincenty, Survey Review 23(176), 1975), accurate to well under a millimetre. For nearly
 * antipodal points, where the iteration may not converge, it falls back to the great-circle
 * distance on a sphere of the WGS-84 mean radius (never the case inside one city).
 */
public final class Geodesic {
    /** WGS-84 semi-major axis (m). */
    public static final double A = 6378137.0;
    /** WGS-84 flattening. */
    public static final double F = 1 / 298.257223563;
    /** WGS-84 semi-minor axis (m). */
    public static final double B = A * (1 - F);
    /** Mean radius R1 = (2a + b) / 3 (m), for the spherical approximation. */
    public static final double MEAN_RADIUS = (2 * A + B) / 3;

    private Geodesic() {
    }

    /** Distance in metres between two points given in degrees (latitude, longitude). */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        if (lat1 == lat2 && lon1 == lon2) {
            return 0;
        }
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);
        double lambda = l;
        for (int iter = 0; iter < 200; iter++) {
            double sinLambda = Math.sin(lambda);
            double cosLambda = Math.cos(lambda);
            double sinSigma = Math.sqrt(Math.pow(cosU2 * sinLambda, 2)
                    + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0) {
                return 0;
            }
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            double sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            double cos2Alpha = 1 - sinAlpha * sinAlpha;
            double cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            double previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - previous) < 1e-12) {
                double uSq = cos2Alpha * (A * A - B * B) / (B * B);
                double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                        - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return B * bigA * (sigma - deltaSigma);
            }
        }
        return greatCircle(lat1, lon1, lat2, lon2);
    }

    /** Haversine distance on the sphere of radius {@link #MEAN_RADIUS}; within about 0.6% of the ellipsoid. */
    public static double greatCircle(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
