package org.xuewei.exchange.city;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The output of one generation: registry tables (COPY text), the catalog export and counts. */
public record GeneratedCity(CityGenerator.Options options, List<Table> tables, Catalog catalog, Stats stats) {

    public record Stats(int families, int cohortFamilies, int persons, int g1, int g7, int young, Map<String, Integer> plantedCases) {
    }

    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    /** SHA-256 over every table's name, columns and rows, then the catalog JSON. */
    public String digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            tables.forEach(t -> t.digestInto(digest));
            digest.update(catalog.toJson());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
