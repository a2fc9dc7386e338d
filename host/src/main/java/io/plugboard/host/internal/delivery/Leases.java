package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.PeriodicWorker;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.storage.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's claims on pending deliveries. A claim ({@code lease_owner}, {@code lease_expires_at})
 * lasts {@code duration}; every sixth of it all of this instance's claims are renewed, so a request
 * in flight keeps its claim however long it takes. Another instance takes a claim over only once it
 * has expired, i.e. when this instance stopped renewing (it died, or lost the database). The
 * dispatcher asks {@link #holdFor} before each send, so it never starts a request that could outlive
 * a claim it can no longer renew.
 */
final class Leases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);
    /** Covers a claim whose time was taken just before a renewal's and committed just after it. */
    private static final long MARGIN_MS = 1_000;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String owner;
    private final Duration duration;
    private final Clock clock;
    private final PeriodicWorker renewer;
    /** Epoch ms until which every claim this instance holds is certain to last. */
    private volatile long validUntil;

    Leases(Jdbi jdbi, Dialect dialect, String owner, Duration duration, Clock clock, Workers workers) {
        this.jdbi = jdbi;
        this.renewer = workers.periodic("lease-renewer", "plugboard-lease-renewer");
        this.dialect = dialect;
        this.owner = owner;
        this.duration = duration;
        this.clock = clock;
        // No claim is older than this object, so each lasts at least this long.
        this.validUntil = clock.millis() + duration.toMillis() - MARGIN_MS;
    }

    String owner() {
        return owner;
    }

    /** @return when a claim made now expires */
    Instant expiryFrom(Instant now) {
        return now.plus(duration);
    }

    /** @return true if every claim held now lasts at least {@code longest} more */
    boolean holdFor(Duration longest) {
        return clock.millis() + longest.toMillis() < validUntil;
    }

    void start() {
        Duration every = Duration.ofMillis(Math.max(100, duration.toMillis() / 6));
        renewer.start(every, every, this::renew);
    }

    /** Extends every claim this instance holds on a pending delivery. */
    void renew() {
        long now = clock.millis();
        long until = now + duration.toMillis();
        // Rows are locked in id order, the order CompletionWriter updates them in: no deadlock.
        jdbi.useTransaction(h -> h.createUpdate("UPDATE deliveries SET lease_expires_at = :until WHERE id IN ("
                        + "SELECT id FROM deliveries WHERE lease_owner = :owner AND status = 'pending' ORDER BY id"
                        + dialect.lockRows() + ")")
                .bind("until", until).bind("owner", owner).execute());
        validUntil = Math.max(validUntil, until - MARGIN_MS);
    }

    /**
     * At start: claims left by an earlier run under this id (a crash) are this run's to resend. On
     * SQLite, which one instance uses at a time, every claim left by a crashed instance is, so a
     * restart sends its deliveries at once instead of after the lease.
     */
    void recoverAtStart() {
        String sql = "UPDATE deliveries SET lease_owner = NULL, lease_expires_at = NULL WHERE status = 'pending' AND ";
        int freed = jdbi.withHandle(h -> dialect == Dialect.SQLITE
                ? h.createUpdate(sql + "lease_owner IS NOT NULL").execute()
                : h.createUpdate(sql + "lease_owner = :owner").bind("owner", owner).execute());
        if (freed > 0) {
            log.info("Took over {} delivery(ies) claimed before a crash", freed);
        }
    }

    /** Gives back every claim still held, so other instances can send those deliveries at once. */
    void release() {
        try {
            int released = jdbi.inTransaction(h -> h.createUpdate("UPDATE deliveries SET lease_owner = NULL, "
                            + "lease_expires_at = NULL WHERE lease_owner = :owner AND status = 'pending'")
                    .bind("owner", owner).execute());
            if (released > 0) {
                log.info("Released {} claimed delivery(ies) for other instances", released);
            }
        } catch (RuntimeException e) {
            log.warn("Could not release this instance's delivery claims; they expire by themselves: {}", e.toString());
        }
    }

    @Override
    public void close() {
        renewer.close();
    }
}
