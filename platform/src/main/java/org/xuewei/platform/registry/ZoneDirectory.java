package org.xuewei.platform.registry;

import org.xuewei.platform.policy.Grade;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 学区划片 and schools as the registry mapper and the application need them. The catalog module is meant to implement
 * this (mark its bean {@code @Primary}); until then {@code registry.exchange.ExchangeCatalog} reads the exchange's
 * catalog export.
 */
public interface ZoneDirectory {

    /** Codes of every school (both stages) whose zone covers the community. */
    Set<String> zoneSchools(String communityCode);

    Optional<School> school(String code);

    /** Private schools (民办) of a district for the grade's stage. */
    List<School> privateSchools(String districtCode, Grade grade);

    /** A school as parents see it; {@code warning} is 学位预警 RED/ORANGE/YELLOW/NONE for the season. */
    record School(String code, String name, String districtCode, Grade grade, boolean privateSchool, String address,
                  String warning) {
    }
}
