package io.plugboard.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What {@link SqlSpy} counted: per instance and statement, runs, time, rows read, and empty results. */
final class SqlTally {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A statement's first words, enough to tell the host's statements apart. */
    static String key(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() <= 48 ? flat : flat.substring(0, 48);
    }

    void ran(String app, String key, long nanos, Object result) {
        Entry e = entry(app, key);
        e.runs.increment();
        e.nanos.add(nanos);
        if (result instanceof int[] batch) {
            e.rows.add(batch.length);
        }
    }

    void rows(String app, String key, int n) {
        Entry e = entry(app, key);
        e.rows.add(n);
        if (n == 0) {
            e.empty.increment();
        }
    }

    void reset() {
        entries.clear();
    }

    private Entry entry(String app, String key) {
        return entries.computeIfAbsent(app + "\u0000" + key, k -> new Entry());
    }

    /** Prints the statements that took at least 1% of the measured time, per instance, slowest first. */
    void print(double seconds) {
        Map<String, Entry> sorted = new TreeMap<>(entries);
        System.out.printf("    %-6s %-50s %8s %9s %8s %9s %7s%n", "inst", "statement", "runs", "rows", "empty",
                "total ms", "avg ms");
        sorted.forEach((k, e) -> {
            String[] parts = k.split("\u0000", 2);
            long runs = e.runs.sum();
            double ms = e.nanos.sum() / 1e6;
            if (runs == 0 || ms < seconds * 10) {
                return;
            }
            System.out.printf(Locale.ROOT, "    %-6s %-50s %8d %9d %8d %9.0f %7.2f%n", parts[0], parts[1], runs,
                    e.rows.sum(), e.empty.sum(), ms, ms / runs);
        });
    }

    private static final class Entry {
        final LongAdder runs = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder rows = new LongAdder();
        final LongAdder empty = new LongAdder();
    }
}
