package org.xuewei.exchange.city;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Nanchang's real divisions (9 districts, 139 streets, 2,263 communities) with a synthetic point for
 * every community inside its district's outline. The outlines predate 2019 and are mapped to
 * today's districts: 新建区 = old 新建区 ∪ 湾里区 minus {@link #HONGGUTAN_BOX}; 红谷滩区 = old 新建区 ∩
 * {@link #HONGGUTAN_BOX} (the west bank of the Gan river opposite the old town, down to 厚田).
 */
public final class Geography {

    /** lon/lat box carved out of the old 新建区 outline to stand for 红谷滩区. */
    public static final double[] HONGGUTAN_BOX = {115.70, 28.42, 115.93, 28.735};
    private static final double CENTRE_LON = 115.89;
    private static final double CENTRE_LAT = 28.68;

    public record District(String code, String name, boolean urban, Geometry outline) {
    }

    public record Street(String code, String name, String districtCode, double lon, double lat) {
    }

    public record Community(String code, String name, String streetCode, String districtCode,
                            double lon, double lat, boolean urban, int weight) {
    }

    private final List<District> districts;
    private final List<Street> streets;
    private final List<Community> communities;
    private final Map<String, District> districtByCode = new LinkedHashMap<>();
    private final Map<String, Street> streetByCode = new LinkedHashMap<>();

    private Geography(List<District> districts, List<Street> streets, List<Community> communities) {
        this.districts = districts;
        this.streets = streets;
        this.communities = communities;
        districts.forEach(d -> districtByCode.put(d.code(), d));
        streets.forEach(s -> streetByCode.put(s.code(), s));
    }

    public List<District> districts() {
        return districts;
    }

    public List<Street> streets() {
        return streets;
    }

    public List<Community> communities() {
        return communities;
    }

    public District district(String code) {
        return districtByCode.get(code);
    }

    public Street street(String code) {
        return streetByCode.get(code);
    }

    /** Loads the bundled files and places streets and communities with the given seed. */
    public static Geography load(long seed) {
        GeometryFactory gf = new GeometryFactory();
        Map<String, Geometry> outlines = outlines(gf);
        List<String[]> rows = divisions();
        List<District> districts = new ArrayList<>();
        List<Street> streets = new ArrayList<>();
        List<Community> communities = new ArrayList<>();
        Map<String, IndexedPointInAreaLocator> locators = new LinkedHashMap<>();
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        for (String[] r : rows) {
            if (r[0].equals("district")) {
                Geometry outline = outlines.get(r[2]);
                if (outline == null || outline.isEmpty()) {
                    throw new IllegalStateException("no outline for " + r[2]);
                }
                boolean urban = !(r[2].endsWith("县"));
                districts.add(new District(r[1], r[2], urban, outline));
                locators.put(r[1], new IndexedPointInAreaLocator(outline));
            }
        }
        Map<String, District> byCode = new LinkedHashMap<>();
        districts.forEach(d -> byCode.put(d.code(), d));
        Map<String, Street> streetByCode = new LinkedHashMap<>();
        for (String[] r : rows) {
            if (r[0].equals("street")) {
                District d = byCode.get(r[3]);
                double[] p = streetPoint(d, locators.get(d.code()), r[2], rnd);
                Street s = new Street(r[1], r[2], d.code(), p[0], p[1]);
                streets.add(s);
                streetByCode.put(s.code(), s);
            }
        }
        for (String[] r : rows) {
            if (r[0].equals("community")) {
                Street s = streetByCode.get(r[3]);
                IndexedPointInAreaLocator loc = locators.get(s.districtCode());
                boolean urban = r[2].endsWith("社区") || r[2].endsWith("居委会") || r[2].endsWith("社区居委会");
                double sigma = urban ? 0.010 : 0.03;
                double lon = s.lon();
                double lat = s.lat();
                for (int i = 0; i < 60; i++) {
                    double x = round6(s.lon() + rnd.nextDouble(-1, 1) * sigma * 1.5);
                    double y = round6(s.lat() + rnd.nextDouble(-1, 1) * sigma);
                    if (inside(loc, x, y)) {
                        lon = x;
                        lat = y;
                        break;
                    }
                }
                int weight = (urban ? 4 : 1) * districtWeight(s.districtCode());
                communities.add(new Community(r[1], r[2], s.code(), s.districtCode(), lon, lat, urban, weight));
            }
        }
        return new Geography(List.copyOf(districts), List.copyOf(streets), List.copyOf(communities));
    }

    /** Relative density of families per community, in tenths. */
    private static int districtWeight(String districtCode) {
        return switch (districtCode) {
            case "360102", "360103" -> 13;
            case "360113" -> 14;
            case "360111" -> 12;
            case "360104" -> 10;
            case "360121" -> 9;
            case "360112" -> 8;
            default -> 6;
        };
    }

    private static double[] streetPoint(District d, IndexedPointInAreaLocator loc, String name, SplittableRandom rnd) {
        Envelope env = d.outline().getEnvelopeInternal();
        boolean town = name.endsWith("街道");
        int tries = town ? 4 : 1;
        double[] best = null;
        double bestDistance = Double.MAX_VALUE;
        int found = 0;
        for (int i = 0; i < 10_000 && found < tries; i++) {
            double x = rnd.nextDouble(env.getMinX(), env.getMaxX());
            double y = rnd.nextDouble(env.getMinY(), env.getMaxY());
            if (inside(loc, x, y)) {
                found++;
                double dist = Math.hypot(x - CENTRE_LON, y - CENTRE_LAT);
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = new double[]{x, y};
                }
            }
        }
        if (best == null) {
            Coordinate c = d.outline().getInteriorPoint().getCoordinate();
            best = new double[]{c.x, c.y};
        }
        return best;
    }

    private static boolean inside(IndexedPointInAreaLocator loc, double x, double y) {
        return loc.locate(new Coordinate(x, y)) == Location.INTERIOR;
    }

    static double round6(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }

    /** True when the point lies inside the district's (mapped) outline. */
    public boolean contains(String districtCode, double lon, double lat) {
        Geometry g = districtByCode.get(districtCode).outline();
        return g.covers(g.getFactory().createPoint(new Coordinate(lon, lat)));
    }

    private static List<String[]> divisions() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = resource("city/nanchang-divisions.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Map<String, Geometry> outlines(GeometryFactory gf) {
        Map<String, Geometry> old = new LinkedHashMap<>();
        try (InputStream in = resource("city/nanchang-districts.geojson")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            for (JsonNode f : root.get("features")) {
                String name = f.get("properties").get("name").asString();
                JsonNode geom = f.get("geometry");
                List<Polygon> polygons = new ArrayList<>();
                if (geom.get("type").asString().equals("Polygon")) {
                    polygons.add(polygon(gf, geom.get("coordinates")));
                } else {
                    for (JsonNode p : geom.get("coordinates")) {
                        polygons.add(polygon(gf, p));
                    }
                }
                old.put(name, gf.createMultiPolygon(polygons.toArray(Polygon[]::new)).buffer(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Geometry box = gf.toGeometry(new Envelope(HONGGUTAN_BOX[0], HONGGUTAN_BOX[2], HONGGUTAN_BOX[1], HONGGUTAN_BOX[3]));
        Geometry oldXinjian = old.remove("新建区");
        Geometry wanli = old.remove("湾里区");
        old.put("新建区", oldXinjian.union(wanli).difference(box).buffer(0));
        old.put("红谷滩区", oldXinjian.intersection(box).buffer(0));
        return old;
    }

    private static Polygon polygon(GeometryFactory gf, JsonNode rings) {
        LinearRing shell = ring(gf, rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(gf, rings.get(i));
        }
        return gf.createPolygon(shell, holes);
    }

    private static LinearRing ring(GeometryFactory gf, JsonNode coords) {
        List<Coordinate> cs = new ArrayList<>();
        for (JsonNode c : coords) {
            cs.add(new Coordinate(c.get(0).asDouble(), c.get(1).asDouble()));
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        return gf.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    private static InputStream resource(String path) {
        InputStream in = Geography.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        return in;
    }
}
