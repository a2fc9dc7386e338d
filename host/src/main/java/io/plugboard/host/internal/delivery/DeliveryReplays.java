package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Bulk replay: the deliveries a {@link ReplayFilter} matches, counted (a dry run, with a sample) or
 * queued again ({@link Requeue}) in batches of {@value #BATCH}, in creation order, each batch one
 * transaction that also moves the job's position on. A set that fits one batch is queued while the
 * caller waits; a larger one is left to {@link ReplayRunner} in the background. Only deliveries created
 * before the job are replayed, so its own new deliveries never match it.
 */
public final class DeliveryReplays {

    static final int BATCH = 500;
    /** How many matching deliveries a dry run shows. */
    public static final int SAMPLE = 10;

    /** What a dry run answers: how many deliveries would be queued again, and the newest few of them. */
    public record Preview(long count, List<DeliveryRecord> sample) {}

    private final Jdbi jdbi;
    private final ReplayJobs jobs;
    private final Requeue requeue;
    private final Ids ids;
    private final Clock clock;
    private final Runnable wake;

    DeliveryReplays(Jdbi jdbi, ObjectMapper mapper, Requeue requeue, Ids ids, Clock clock, Runnable wake) {
        this.jdbi = jdbi;
        this.jobs = new ReplayJobs(jdbi, mapper);
        this.requeue = requeue;
        this.ids = ids;
        this.clock = clock;
        this.wake = wake;
    }

    /** @throws ValidationException naming what to fix in the filter (also: a webhook id no webhook has) */
    public Preview preview(ReplayFilter filter) {
        checked(filter);
        Instant before = clock.instant();
        return jdbi.withHandle(h -> new Preview(count(h, filter, before), matching(h, filter, before, null, SAMPLE, false)));
    }

    /**
     * Queues the matching deliveries again: at once when they fit one batch, else in the background.
     *
     * @return the job, completed or running
     */
    public ReplayJob start(ReplayFilter filter) {
        checked(filter);
        String id = ids.next("rpl");
        Instant now = clock.instant();
        boolean inline = jdbi.inTransaction(h -> {
            long total = count(h, filter, now);
            if (total > BATCH) {
                jobs.insert(h, id, filter, ReplayJob.RUNNING, total, 0, now, now);
                return false;
            }
            List<String> sources = matching(h, filter, now, null, BATCH, true).stream().map(DeliveryRecord::id).toList();
            long queued = requeue.write(h, sources, now).stream().filter(Objects::nonNull).count();
            jobs.insert(h, id, filter, ReplayJob.COMPLETED, total, queued, now, now);
            return true;
        });
        if (inline) {
            wake.run();
        }
        return job(id);
    }

    /**
     * @param appId the application the caller acts on: another application's job is answered as if it did not exist
     * @throws NotFoundException naming the id
     */
    public ReplayJob job(String appId, String id) {
        ReplayJob job = job(id);
        if (!job.filter().belongsTo(appId)) {
            throw notFound(id);
        }
        return job;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no replay has the id '" + id + "'");
    }

    /** @throws NotFoundException naming the id */
    public ReplayJob job(String id) {
        return jobs.find(id).orElseThrow(() -> notFound(id));
    }

    List<String> running() {
        return jobs.running();
    }

    /**
     * Queues the job's next batch, in one transaction with its new position.
     *
     * @return whether more may remain
     */
    boolean runBatch(String jobId) {
        boolean more = jdbi.inTransaction(h -> {
            Optional<ReplayJobs.Position> seen = jobs.position(h, jobId);
            if (seen.isEmpty()) {
                return false;
            }
            ReplayJobs.Position p = seen.get();
            ReplayFilter filter = job(jobId).filter();
            List<DeliveryRecord> batch = matching(h, filter, Instant.ofEpochMilli(p.createdBefore()), p, BATCH, true);
            Instant now = clock.instant();
            long queued = requeue.write(h, batch.stream().map(DeliveryRecord::id).toList(), now).stream()
                    .filter(Objects::nonNull).count();
            boolean done = batch.size() < BATCH;
            DeliveryRecord last = batch.isEmpty() ? null : batch.get(batch.size() - 1);
            jobs.advance(h, jobId, p, last == null ? p.afterCreatedAt() : Long.valueOf(last.createdAt().toEpochMilli()),
                    last == null ? p.afterId() : last.id(), p.queued() + queued, done, now);
            return !done;
        });
        wake.run();
        return more;
    }

    private long count(Handle h, ReplayFilter filter, Instant before) {
        Map<String, Object> binds = new HashMap<>();
        String where = filter.where(binds);
        return bind(h.createQuery("SELECT COUNT(*) FROM deliveries d JOIN events e ON e.id = d.event_id WHERE " + where
                + " AND d.created_at < :before"), filter, binds).bind("before", before.toEpochMilli())
                .mapTo(Long.class).one();
    }

    /** @param after null, or the position to continue after (in creation order) */
    private List<DeliveryRecord> matching(Handle h, ReplayFilter filter, Instant before, ReplayJobs.Position after,
                                          int limit, boolean oldestFirst) {
        Map<String, Object> binds = new HashMap<>();
        String where = filter.where(binds);
        boolean resume = after != null && after.afterId() != null;
        Query q = bind(h.createQuery("SELECT " + DeliveryStore.DELIVERY_COLUMNS + " FROM deliveries d "
                + "JOIN events e ON e.id = d.event_id WHERE " + where + " AND d.created_at < :before"
                + (resume ? " AND (d.created_at, d.id) > (:afterAt, :afterId)" : "")
                + (oldestFirst ? " ORDER BY d.created_at, d.id" : " ORDER BY d.created_at DESC, d.id DESC")
                + " LIMIT :limit"), filter, binds).bind("before", before.toEpochMilli()).bind("limit", limit);
        if (resume) {
            q.bind("afterAt", after.afterCreatedAt()).bind("afterId", after.afterId());
        }
        return q.map((rs, ctx) -> DeliveryStore.delivery(rs)).list();
    }

    private static Query bind(Query q, ReplayFilter filter, Map<String, Object> binds) {
        binds.forEach(q::bind);
        if (!filter.webhooks().isEmpty()) {
            q.bindList("webhooks", filter.webhooks());
        }
        if (!filter.eventTypes().isEmpty()) {
            q.bindList("types", filter.eventTypes());
        }
        return q;
    }

    /** The filter's own checks, then that every webhook it names exists (in its application, if it names one). */
    private void checked(ReplayFilter filter) {
        filter.checked();
        if (filter.webhooks().isEmpty()) {
            return;
        }
        List<String> known = jdbi.withHandle(h -> {
            Query q = h.createQuery("SELECT id FROM webhooks WHERE id IN (<ids>)"
                    + (filter.app() == null ? "" : " AND app_id = :app")).bindList("ids", filter.webhooks());
            if (filter.app() != null) {
                q.bind("app", filter.app());
            }
            return q.mapTo(String.class).list();
        });
        filter.webhooks().stream().filter(w -> !known.contains(w)).findFirst().ifPresent(unknown -> {
            throw ValidationException.of("webhooks", "no webhook has the id '" + unknown + "'");
        });
    }
}
