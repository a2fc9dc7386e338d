package io.plugboard.host.internal.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reads nullable columns: JDBC answers 0 for a NULL number, so each read checks {@code wasNull}. */
public final class Columns {

    private Columns() {}

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Long longValue(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Epoch milliseconds, or null. */
    /** @return the column's value, or null for SQL NULL (getDouble would say 0) */
    public static Double decimal(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
