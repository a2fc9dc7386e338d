package io.plugboard.host.internal.inspector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The tables {@code inspector_inboxes} and {@code inspector_requests}, so that every instance on the
 * database sees the same inboxes. Enforces the per-inbox request cap in the transaction that adds one.
 */
final class InboxStore {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    InboxStore(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    /** @return false if {@code max} inboxes are open already (expired ones are dropped first) */
    boolean insert(String id, String label, Instant createdAt, Instant expiresAt, int max) {
        return jdbi.inTransaction(h -> {
            purge(h, createdAt);
            long open = h.createQuery("SELECT COUNT(*) FROM inspector_inboxes").mapTo(Long.class).one();
            if (open >= max) {
                return false;
            }
            h.createUpdate("INSERT INTO inspector_inboxes (id, label, created_at, expires_at) VALUES (:id, :label, :c, :e)")
                    .bind("id", id).bind("label", label).bind("c", createdAt.toEpochMilli())
                    .bind("e", expiresAt.toEpochMilli()).execute();
            return true;
        });
    }

    Optional<Row> find(String id, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inspector_inboxes WHERE id = :id AND expires_at > :now")
                .bind("id", id).bind("now", now.toEpochMilli()).map((rs, ctx) -> row(rs)).findOne());
    }

    /** @return the open inboxes, newest first; expired ones are dropped */
    List<Row> list(Instant now) {
        return jdbi.inTransaction(h -> {
            purge(h, now);
            return h.createQuery("SELECT * FROM inspector_inboxes ORDER BY created_at DESC, id DESC")
                    .map((rs, ctx) -> row(rs)).list();
        });
    }

    int received(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT received FROM inspector_inboxes WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).findOne().orElse(0));
    }

    /**
     * Numbers and keeps a request, dropping what is beyond the newest {@code keep}.
     *
     * @return its number, or empty if the inbox expired or was deleted meanwhile
     */
    Optional<Integer> add(String inboxId, CapturedRequest r, int keep) {
        String headers = json(r.headers());
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("UPDATE inspector_inboxes SET received = received + 1 WHERE id = :id "
                            + "AND expires_at > :now")
                    .bind("id", inboxId).bind("now", r.receivedAt().toEpochMilli()).execute();
            if (updated == 0) {
                return Optional.<Integer>empty();
            }
            int number = h.createQuery("SELECT received FROM inspector_inboxes WHERE id = :id")
                    .bind("id", inboxId).mapTo(Integer.class).one();
            h.createUpdate("INSERT INTO inspector_requests (inbox_id, number, received_at, method, path, query, headers, "
                            + "body, body_bytes, truncated, remote_address) VALUES (:inbox, :number, :at, :method, :path, "
                            + ":query, :headers, :body, :bytes, :truncated, :remote)")
                    .bind("inbox", inboxId).bind("number", number).bind("at", r.receivedAt().toEpochMilli())
                    .bind("method", r.method()).bind("path", r.path()).bind("query", r.query()).bind("headers", headers)
                    .bind("body", r.body()).bind("bytes", r.bodyBytes()).bind("truncated", r.truncated())
                    .bind("remote", r.remoteAddress()).execute();
            h.createUpdate("DELETE FROM inspector_requests WHERE inbox_id = :inbox AND number <= :oldest")
                    .bind("inbox", inboxId).bind("oldest", number - keep).execute();
            return Optional.of(number);
        });
    }

    /** @return the kept requests, newest first */
    List<CapturedRequest> requests(String inboxId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inspector_requests WHERE inbox_id = :inbox "
                        + "ORDER BY number DESC").bind("inbox", inboxId)
                .map((rs, ctx) -> new CapturedRequest(rs.getInt("number"), Instant.ofEpochMilli(rs.getLong("received_at")),
                        rs.getString("method"), rs.getString("path"), rs.getString("query"), headers(rs.getString("headers")),
                        rs.getBytes("body"), rs.getLong("body_bytes"), rs.getBoolean("truncated"),
                        rs.getString("remote_address")))
                .list());
    }

    void clear(String inboxId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM inspector_requests WHERE inbox_id = :inbox")
                .bind("inbox", inboxId).execute());
    }

    boolean delete(String id) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM inspector_requests WHERE inbox_id = :id").bind("id", id).execute();
            return h.createUpdate("DELETE FROM inspector_inboxes WHERE id = :id").bind("id", id).execute() == 1;
        });
    }

    private static void purge(Handle h, Instant now) {
        h.createUpdate("DELETE FROM inspector_requests WHERE inbox_id IN "
                + "(SELECT id FROM inspector_inboxes WHERE expires_at <= :now)").bind("now", now.toEpochMilli()).execute();
        h.createUpdate("DELETE FROM inspector_inboxes WHERE expires_at <= :now").bind("now", now.toEpochMilli()).execute();
    }

    /** An inbox as stored. */
    record Row(String id, String label, Instant createdAt, Instant expiresAt) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("label"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")));
    }

    private String json(Map<String, List<String>> headers) {
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers cannot be written as JSON", e);
        }
    }

    private Map<String, List<String>> headers(String json) {
        try {
            return mapper.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
    }
}
