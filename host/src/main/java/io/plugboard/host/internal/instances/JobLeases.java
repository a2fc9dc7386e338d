package io.plugboard.host.internal.instances;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Lets a background job run on one instance at a time: whoever takes the job's row holds it until it
 * expires. A plain upsert on both databases: the row changes hands only once it has expired (or
 * already belongs to the caller), and exactly one of two racing instances sees its row change.
 */
public final class JobLeases {

    private final Jdbi jdbi;
    private final String owner;
    private final Clock clock;

    public JobLeases(Jdbi jdbi, String owner, Clock clock) {
        this.jdbi = jdbi;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * @param job the job's name
     * @param hold how long no other instance may take it
     * @return true if this instance now holds the job and should run it
     */
    public boolean tryTake(String job, Duration hold) {
        long now = clock.millis();
        int rows = jdbi.inTransaction(h -> h.createUpdate("INSERT INTO job_leases (name, owner, expires_at) "
                        + "VALUES (:name, :owner, :until) ON CONFLICT (name) DO UPDATE "
                        + "SET owner = excluded.owner, expires_at = excluded.expires_at "
                        + "WHERE job_leases.expires_at <= :now OR job_leases.owner = :owner")
                .bind("name", job).bind("owner", owner).bind("until", now + hold.toMillis()).bind("now", now)
                .execute());
        return rows == 1;
    }

    /**
     * Hands a job back, so another instance may take it at once; nothing happens when another instance holds it.
     *
     * @param job the job's name
     */
    public void release(String job) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM job_leases WHERE name = :name AND owner = :owner")
                .bind("name", job).bind("owner", owner).execute());
    }
}
