package io.plugboard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Why two PostgreSQL instances deliver what they do: runs the PostgreSQL x1 and x2 measurements and,
 * during their sustained part, counts every statement each instance runs ({@link SqlSpy}) and samples
 * what its database sessions are doing or waiting for ({@code pg_stat_activity}, every 2 ms) and how
 * many pending deliveries each instance holds claimed.
 *
 * <p>Each is measured twice: as 6c and 6e are (deliveries after the last emit returned), and as a
 * backlog's drain (the receiver holds every request while the events are emitted, then lets go).
 *
 * <pre>java [-Dprobe.mode=drain|sustained] -jar bench/target/plugboard-bench.jar --postgres-probe=jdbc:postgresql://... [events] [rounds]</pre>
 */
final class PgProbe implements PostgresBench.Watch {

    private final String serverUrl;
    private final SqlTally tally;
    private final Map<String, Integer> activity = new TreeMap<>();
    private final Map<String, long[]> claimed = new TreeMap<>();
    private final AtomicBoolean sampling = new AtomicBoolean();
    private Thread sampler;
    private long startedAt;
    private double seconds;
    private boolean drain;

    private PgProbe(String serverUrl, SqlTally tally) {
        this.serverUrl = serverUrl;
        this.tally = tally;
    }

    static void run(String serverUrl, int events, int rounds) throws Exception {
        PgProbe probe = new PgProbe(serverUrl, SqlSpy.install(serverUrl));
        try (BenchReceiver receiver = new BenchReceiver(16)) {
            PostgresBench.onPostgres(serverUrl, receiver, Math.min(events, 2_000), 1, PostgresBench.Watch.NONE); // warm-up
            for (int i = 0; i < rounds; i++) {
                for (boolean drain : modes()) {
                    probe.drain = drain;
                    for (int instances = 1; instances <= 2; instances++) {
                        double rate = PostgresBench.onPostgres(serverUrl, receiver, events, instances, probe).sustained();
                        System.out.printf("%nround %d, PostgreSQL x%d, %s: %s deliveries/s, over %.2f s%n", i + 1,
                                instances, drain ? "backlog drained (receiver held while emitting)"
                                        : "sustained after emitting (as 6c/6e)", DeliveryBench.fmt(rate), probe.seconds);
                        probe.print();
                    }
                }
            }
        }
    }

    /** {@code -Dprobe.mode=drain} or {@code sustained} runs one of the two ways only. */
    private static boolean[] modes() {
        String mode = System.getProperty("probe.mode", "both");
        return mode.equals("drain") ? new boolean[] {true}
                : mode.equals("sustained") ? new boolean[] {false} : new boolean[] {false, true};
    }

    @Override
    public boolean drainOnly() {
        return drain;
    }

    @Override
    public void sustainedStarts(String schemaUrl) {
        tally.reset();
        activity.clear();
        claimed.clear();
        sampling.set(true);
        startedAt = System.nanoTime();
        sampler = new Thread(() -> sample(schemaUrl + "&ApplicationName=probe"), "pg-probe");
        sampler.start();
    }

    @Override
    public void sustainedEnds() {
        seconds = (System.nanoTime() - startedAt) / 1e9;
        sampling.set(false);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample(String url) {
        // A session waiting for a lock names who holds it: instance and statement.
        String sessions = "SELECT a.application_name, a.state, coalesce(a.wait_event_type || ':' || a.wait_event, "
                + "'on CPU'), left(regexp_replace(a.query, '\\s+', ' ', 'g'), 40), CASE WHEN a.wait_event_type = 'Lock' "
                + "THEN (SELECT ' <- blocked by ' || string_agg(b.application_name || ' ' || left(b.query, 32), ', ') "
                + "FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(a.pid))) ELSE '' END "
                + "FROM pg_stat_activity a WHERE a.application_name LIKE 'pb-%' AND a.state <> 'idle'";
        String leases = "SELECT coalesce(lease_owner, '(none)'), count(*) FROM deliveries WHERE status = 'pending' "
                + "GROUP BY 1";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (int n = 0; sampling.get(); n++) {
                try (ResultSet rs = s.executeQuery(sessions)) {
                    while (rs.next()) {
                        activity.merge(String.format("%-6s %-20s %-28s %s%s", rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5)), 1, Integer::sum);
                    }
                }
                activity.merge("(samples)", 1, Integer::sum);
                if (n % 10 == 0) {
                    try (ResultSet rs = s.executeQuery(leases)) {
                        while (rs.next()) {
                            long[] acc = claimed.computeIfAbsent(rs.getString(1), k -> new long[2]);
                            acc[0] += rs.getLong(2);
                            acc[1]++;
                        }
                    }
                }
                Thread.sleep(2);
            }
        } catch (Exception e) {
            System.out.println("  probe stopped: " + e);
        }
    }

    private void print() {
        System.out.println("  statements (spy, sustained part):");
        tally.print(seconds);
        int samples = activity.getOrDefault("(samples)", 1);
        System.out.printf("  database sessions, share of %d samples (a session busy in every sample = 100%%):%n",
                samples);
        activity.entrySet().stream().filter(e -> !e.getKey().equals("(samples)"))
                .sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / samples,
                        e.getKey()));
        System.out.println("  pending deliveries claimed, mean over samples:");
        claimed.forEach((owner, acc) -> System.out.printf(Locale.ROOT, "    %-40s %8.0f%n", owner,
                (double) acc[0] / acc[1]));
    }
}
