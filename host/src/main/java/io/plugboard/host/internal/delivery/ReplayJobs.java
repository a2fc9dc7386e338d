package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.host.internal.storage.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The rows of {@code replay_jobs}: a bulk replay's filter, state and keyset position survive a restart. */
final class ReplayJobs {

    /** Where a running job got to: the last delivery replayed (by creation time, then id), and the count so far. */
    record Position(Long afterCreatedAt, String afterId, long queued, long createdBefore) {}

    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    ReplayJobs(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    void insert(Handle h, String id, ReplayFilter filter, String status, long total, long queued, Instant createdBefore,
                Instant now) {
        h.createUpdate("INSERT INTO replay_jobs (id, filter, status, total, queued, created_before, created_at, "
                        + "updated_at, finished_at) VALUES (:id, :filter, :status, :total, :queued, :before, :now, :now, "
                        + ":finished)")
                .bind("id", id).bind("filter", toJson(filter)).bind("status", status).bind("total", total)
                .bind("queued", queued).bind("before", createdBefore.toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("finished", ReplayJob.RUNNING.equals(status) ? null : now.toEpochMilli())
                .execute();
    }

    Optional<ReplayJob> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM replay_jobs WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> job(rs)).findOne());
    }

    List<String> running() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM replay_jobs WHERE status = 'running' ORDER BY created_at")
                .mapTo(String.class).list());
    }

    /** @return the running job's filter and position, or empty once it is no longer running */
    Optional<Position> position(Handle h, String id) {
        return h.createQuery("SELECT after_created_at, after_id, queued, created_before FROM replay_jobs "
                        + "WHERE id = :id AND status = 'running'").bind("id", id)
                .map((rs, ctx) -> new Position(Columns.longValue(rs, "after_created_at"), rs.getString("after_id"),
                        rs.getLong("queued"), rs.getLong("created_before")))
                .findOne();
    }

    /**
     * Moves the job on, only if no one else did since {@code seen} was read (an instance whose lease ran
     * out mid-batch): otherwise the caller's transaction is rolled back, so nothing is queued twice.
     */
    void advance(Handle h, String id, Position seen, Long afterCreatedAt, String afterId, long queued, boolean done,
                 Instant now) {
        int rows = h.createUpdate("UPDATE replay_jobs SET after_created_at = :at, after_id = :after, queued = :queued, "
                        + "status = :status, updated_at = :now, finished_at = :finished WHERE id = :id "
                        + "AND status = 'running' AND queued = :seenQueued")
                .bind("at", afterCreatedAt).bind("after", afterId).bind("queued", queued)
                .bind("status", done ? ReplayJob.COMPLETED : ReplayJob.RUNNING).bind("now", now.toEpochMilli())
                .bind("finished", done ? now.toEpochMilli() : null).bind("id", id).bind("seenQueued", seen.queued())
                .execute();
        if (rows == 0) {
            throw new IllegalStateException("replay " + id + " was moved on by another instance meanwhile");
        }
    }

    private ReplayJob job(ResultSet rs) throws SQLException {
        return new ReplayJob(rs.getString("id"), fromJson(rs.getString("filter")), rs.getString("status"),
                rs.getLong("total"), rs.getLong("queued"), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"), Columns.instant(rs, "finished_at"));
    }

    private String toJson(ReplayFilter f) {
        ObjectNode json = mapper.createObjectNode();
        f.webhooks().forEach(json.putArray("webhooks")::add);
        f.eventTypes().forEach(json.putArray("event_types")::add);
        json.put("status", f.status()).put("from", f.from() == null ? null : f.from().toString())
                .put("to", f.to() == null ? null : f.to().toString()).put("response_status", f.responseStatus())
                .put("app", f.app());
        return json.toString();
    }

    private ReplayFilter fromJson(String text) {
        try {
            JsonNode json = mapper.readTree(text);
            return new ReplayFilter(strings(json.path("webhooks")), strings(json.path("event_types")),
                    json.path("status").asText(), instant(json.path("from")), instant(json.path("to")),
                    json.path("response_status").isTextual() ? json.path("response_status").asText() : null,
                    json.path("app").isTextual() ? json.path("app").asText() : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored replay filter is not JSON", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }
}
