package org.xuewei.platform.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the city's real administrative divisions (catalog/nanchang-divisions.csv, see SOURCES.md
 * next to it) into {@code catalog.division} when the table is empty.
 */
@Component
class DivisionImport {

    static final String RESOURCE = "catalog/nanchang-divisions.csv";
    private static final Logger log = LoggerFactory.getLogger(DivisionImport.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    DivisionImport(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    void importIfEmpty() {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("lock table catalog.division in exclusive mode");
            Integer count = jdbc.queryForObject("select count(*) from catalog.division", Integer.class);
            if (count != null && count > 0) {
                return;
            }
            List<Object[]> rows = read();
            jdbc.batchUpdate("insert into catalog.division (level, code, name, parent_code) values (?, ?, ?, ?)", rows);
            log.info("Imported {} administrative divisions from {}", rows.size(), RESOURCE);
        });
    }

    static List<Object[]> read() {
        List<Object[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!"level,code,name,parent_code".equals(header)) {
                throw new IllegalStateException(RESOURCE + " has an unexpected header: " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 4) {
                    throw new IllegalStateException(RESOURCE + " has a malformed line: " + line);
                }
                rows.add(new Object[] {fields[0], fields[1], fields[2], fields[3].isEmpty() ? null : fields[3]});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
        return rows;
    }
}
