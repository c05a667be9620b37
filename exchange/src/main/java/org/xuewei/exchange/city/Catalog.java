package org.xuewei.exchange.city;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The education bureau's data for the platform's catalog import (format {@code xuewei-catalog/1}):
 * divisions, schools, zones (学区) and enrollment plans (招生计划). {@code expected} on a plan is the
 * generator's ground truth (designed state, demand by category group), for tests and demos only.
 */
public record Catalog(String format, long seed, int scale, int season, List<District> districts, List<Street> streets,
                      List<Community> communities, List<School> schools, List<Zone> zones, List<Plan> plans) {

    public static final String FORMAT = "xuewei-catalog/1";

    public record District(String code, String name, boolean urban) {
    }

    public record Street(String code, String name, String districtCode) {
    }

    public record Community(String code, String name, String streetCode, String districtCode, double lon, double lat) {
    }

    public record School(String code, String name, String districtCode, String stage, String ownership,
                         String communityCode, String address, double lon, double lat, int classSize) {
    }

    public record Zone(String code, String districtCode, String stage, List<String> schoolCodes, List<String> communityCodes) {
    }

    /** 招生计划 of one school for the season's entry grade (1 or 7). */
    public record Plan(String schoolCode, int season, int grade, int classes, int classSize, int seats, Expected expected) {
    }

    /** Ground truth: designed fill state, warning by the §10 rule, zone demand (cats 1–3, 1–6, migrants). */
    public record Expected(String design, String warning, int categories1to3, int categories1to6, int migrants) {
    }

    static Catalog of(CityGenerator.Options o, Geography geo, Schools s, List<Plan> plans) {
        List<Geography.Community> comms = geo.communities();
        return new Catalog(FORMAT, o.seed(), o.cohortChildren(), o.season(),
                geo.districts().stream().map(d -> new District(d.code(), d.name(), d.urban())).toList(),
                geo.streets().stream().map(x -> new Street(x.code(), x.name(), x.districtCode())).toList(),
                comms.stream().map(c -> new Community(c.code(), c.name(), c.streetCode(), c.districtCode(), c.lon(), c.lat())).toList(),
                s.schools.stream().map(x -> new School(x.code(), x.name(), x.districtCode(), x.stage().name(),
                        x.publicSchool() ? "PUBLIC" : "PRIVATE", x.communityCode(), x.address(), x.lon(), x.lat(), x.classSize())).toList(),
                s.zones.stream().map(z -> new Zone(z.code(), z.districtCode(), z.stage().name(),
                        z.schools().stream().map(Schools.School::code).toList(),
                        z.communities().stream().map(i -> comms.get(i).code()).toList())).toList(),
                plans);
    }

    public byte[] toJson() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
    }
}
