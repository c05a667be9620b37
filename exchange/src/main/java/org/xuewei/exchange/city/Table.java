package org.xuewei.exchange.city;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows of one generated table in PostgreSQL's COPY text format (tab-separated, \N for null), kept
 * as bytes: the same bytes are loaded with COPY and hashed for the determinism digest.
 */
public final class Table {

    private final String name;
    private final List<String> columns;
    private final Bytes bytes = new Bytes();
    private final StringBuilder line = new StringBuilder(256);
    private int rows;

    public Table(String name, String... columns) {
        this.name = name;
        this.columns = List.of(columns);
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public long size() {
        return bytes.size();
    }

    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(name + ": expected " + columns.size() + " values, got " + values.length);
        }
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            append(values[i]);
        }
        line.append('\n');
        bytes.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        rows++;
    }

    private void append(Object v) {
        if (v == null) {
            line.append("\\N");
        } else if (v instanceof LocalDate d) {
            line.append(d);
        } else if (v instanceof Boolean b) {
            line.append(b ? 't' : 'f');
        } else {
            String s = v.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }
    }

    public InputStream open() {
        return bytes.in();
    }

    /** A byte buffer whose content can be read and hashed without copying. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(1 << 16);
        }

        InputStream in() {
            return new java.io.ByteArrayInputStream(buf, 0, count);
        }

        void digestInto(MessageDigest digest) {
            digest.update(buf, 0, count);
        }
    }

    /** The rows as text (for tests and CSV dumps). */
    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    void digestInto(MessageDigest digest) {
        digest.update((name + "\n" + String.join("\t", columns) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.digestInto(digest);
    }

    /** COPY statement for this table in the exchange schema. */
    public String copySql() {
        return "COPY exchange." + name + " (" + String.join(", ", columns) + ") FROM STDIN";
    }
}
