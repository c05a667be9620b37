package org.xuewei.platform.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** The city's districts and counties, read from {@code catalog.division}. */
@Service
public class Districts {

    private final JdbcClient jdbc;

    Districts(JdbcClient jdbc, DivisionImport divisions) {
        this.jdbc = jdbc;
        divisions.importIfEmpty();
    }

    /** All districts, by code. */
    public List<District> all() {
        return jdbc.sql("select code, name from catalog.division where level = 'district' order by code")
                .query(District.class).list();
    }

    public Optional<District> find(String code) {
        return jdbc.sql("select code, name from catalog.division where level = 'district' and code = :code")
                .param("code", code)
                .query(District.class).optional();
    }
}
