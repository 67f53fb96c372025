package io.newslens.benchmarks.query;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY ... FROM STDIN} (text format) on its own connection, fed row by row through a 1 MB buffer.
 * Several stay open at once so a generator thread can write articles, their entities and quotes as it goes.
 */
final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(8192);
    private byte[] buffer = new byte[FLUSH_AT * 2];
    private int used;
    private boolean firstField = true;
    long rows;

    CopyStream(String jdbcUrl, String copySql) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl);
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }

    CopyStream field(String value) {
        sep();
        if (value == null) {
            row.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return this;
    }

    /** A value known to need no escaping (numbers, ids, timestamps). */
    CopyStream raw(Object value) {
        sep();
        row.append(value == null ? "\\N" : value.toString());
        return this;
    }

    private void sep() {
        if (!firstField) {
            row.append('\t');
        }
        firstField = false;
    }

    void endRow() throws SQLException {
        row.append('\n');
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        row.setLength(0);
        firstField = true;
        rows++;
        if (used + bytes.length > buffer.length) {
            flush();
            if (bytes.length > buffer.length) {
                buffer = new byte[bytes.length * 2];
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
        if (used >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (used > 0) {
            copy.writeToCopy(buffer, 0, used);
            used = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
            copy.endCopy();
        } finally {
            connection.close();
        }
    }
}
