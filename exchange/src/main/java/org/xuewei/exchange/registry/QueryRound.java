package org.xuewei.exchange.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of one batch's look-ups, sent to PostgreSQL in ONE round trip (one JDBC statement of several queries,
 * each with its keys as one array parameter {@code ?}) and their rows handed, in order, to each query's reader. Eleven
 * look-ups asked one after another cost eleven round trips: per batch ≈ 40 % more of PostgreSQL's CPU and four times
 * the query worker's (the sends, receives and wake-ups on both sides; measured on one connection, docs/exchange.md).
 */
final class QueryRound {

    /** What reads one row of a query's answer (the result set is on that row). */
    @FunctionalInterface
    interface RowReader {
        void row(ResultSet rs) throws SQLException;
    }

    private record Query(String sql, String[] keys, String type, RowReader reader) {
    }

    private final List<Query> queries = new ArrayList<>();

    /** Adds a query whose only parameter {@code ?} is the keys as an array of {@code type}; its rows go to {@code reader}. */
    void add(String sql, Collection<String> keys, String type, RowReader reader) {
        queries.add(new Query(sql, keys.toArray(String[]::new), type, reader));
    }

    /** Runs every query added, in one round trip; each reader gets its query's rows in the query's order. */
    void run(JdbcTemplate jdbc) {
        if (queries.isEmpty()) {
            return;
        }
        String sql = queries.stream().map(Query::sql).collect(Collectors.joining(";\n"));
        jdbc.execute(sql, (PreparedStatementCallback<Void>) ps -> {
            read(ps);
            return null;
        });
    }

    private void read(PreparedStatement ps) throws SQLException {
        Connection c = ps.getConnection();
        for (int i = 0; i < queries.size(); i++) {
            ps.setArray(i + 1, c.createArrayOf(queries.get(i).type(), queries.get(i).keys()));
        }
        boolean isResultSet = ps.execute();
        for (Query q : queries) {
            if (!isResultSet) {
                throw new IllegalStateException("a registry query gave no rows: " + q.sql());
            }
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    q.reader().row(rs);
                }
            }
            isResultSet = ps.getMoreResults();
        }
    }
}
