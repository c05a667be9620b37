package org.xuewei.platform.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xuewei.platform.catalog.importing.CatalogWriter;

import java.util.List;
import java.util.Optional;

/** The city's schools (学校), read from {@code catalog.school}. */
@Service
public class Schools {

    private final JdbcClient jdbc;

    Schools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One school by its code (the school id other modules keep). */
    public Optional<School> find(String code) {
        return jdbc.sql("select " + CatalogWriter.SCHOOL_COLUMNS + " from catalog.school where code = :code")
                .param("code", code).query(CatalogWriter::school).optional();
    }

    /** A district's schools, primary first, by code. */
    public List<School> ofDistrict(String districtCode) {
        return jdbc.sql("select " + CatalogWriter.SCHOOL_COLUMNS
                        + " from catalog.school where district_code = :district order by stage desc, code")
                .param("district", districtCode).query(CatalogWriter::school).list();
    }

    /** A district's schools of one stage, by code. */
    public List<School> ofDistrict(String districtCode, SchoolStage stage) {
        return jdbc.sql("select " + CatalogWriter.SCHOOL_COLUMNS
                        + " from catalog.school where district_code = :district and stage = :stage order by code")
                .param("district", districtCode).param("stage", stage.name()).query(CatalogWriter::school).list();
    }

    /** A district's private schools (民办) of one stage, by code: a child applies to at most one of them. */
    public List<School> privateSchools(String districtCode, SchoolStage stage) {
        return ofDistrict(districtCode, stage).stream().filter(School::isPrivate).toList();
    }

    /** Every school of the city, by district and code. */
    public List<School> all() {
        return jdbc.sql("select " + CatalogWriter.SCHOOL_COLUMNS
                        + " from catalog.school order by district_code, stage desc, code")
                .query(CatalogWriter::school).list();
    }

    /** True when no school is stored yet. */
    public boolean none() {
        return jdbc.sql("select not exists (select 1 from catalog.school)").query(Boolean.class).single();
    }
}
