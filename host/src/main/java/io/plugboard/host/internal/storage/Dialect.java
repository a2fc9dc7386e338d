package io.plugboard.host.internal.storage;

import java.util.Map;

/**
 * Everything that differs between the two databases the host runs on, in one place. Migrations are
 * plain portable SQL; where a type must differ they use a Flyway placeholder from
 * {@link #placeholders()} (e.g. {@code ${bytes}}). Java code asks for the few clauses that differ.
 */
public enum Dialect {

    /** The embedded default: one file, one writer at a time, one host instance. */
    SQLITE(Map.of("bytes", "BLOB", "double", "REAL")),
    /** The shared store for several instances. */
    POSTGRESQL(Map.of("bytes", "BYTEA", "double", "DOUBLE PRECISION"));

    private final Map<String, String> placeholders;

    Dialect(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    /** @return Flyway placeholders: {@code ${bytes}} for binary data, {@code ${double}} for floating point */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /**
     * @return the clause ending a claim's inner SELECT so that concurrent claimers skip rows another is
     *     claiming; empty on SQLite, where writers never run at the same time
     */
    public String skipLocked() {
        // NO KEY UPDATE: the lock an UPDATE of non-key columns takes anyway, and unlike FOR UPDATE it does
        // not block the key-share lock that inserting an attempt (foreign key to the delivery) takes.
        return this == POSTGRESQL ? " FOR NO KEY UPDATE SKIP LOCKED" : "";
    }

    /**
     * @return the clause ending a SELECT that locks its rows in its own order (PostgreSQL), so that
     *     writers touching overlapping rows in the same order cannot deadlock; empty on SQLite
     */
    public String lockRows() {
        return this == POSTGRESQL ? " FOR NO KEY UPDATE" : "";
    }
}
