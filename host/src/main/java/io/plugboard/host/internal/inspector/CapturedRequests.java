package io.plugboard.host.internal.inspector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The requests inboxes received, in {@code inspector_requests}. Recording one numbers it, stores it
 * with its body cut at {@value Inboxes#MAX_BODY_BYTES} bytes and drops the inbox's requests beyond the
 * last {@value Inboxes#MAX_REQUESTS}, in one transaction, so no inbox ever holds more.
 */
final class CapturedRequests {

    private static final TypeReference<LinkedHashMap<String, List<String>>> HEADERS = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final Clock clock;

    CapturedRequests(Jdbi jdbi, ObjectMapper mapper, Clock clock) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** @return the request as kept, or empty when the inbox is not open (deleted or expired) */
    Optional<CapturedRequest> record(String inboxId, String method, String path, String query,
                                     Map<String, List<String>> headers, byte[] body, String remoteAddress) {
        Instant now = clock.instant();
        boolean truncated = body.length > Inboxes.MAX_BODY_BYTES;
        byte[] kept = truncated ? Arrays.copyOf(body, Inboxes.MAX_BODY_BYTES) : body;
        String headersJson = json(headers);
        return jdbi.inTransaction(h -> {
            // The counter's row lock orders an inbox's requests across instances.
            Optional<Integer> number = h.createQuery("UPDATE inspector_inboxes SET received = received + 1 "
                            + "WHERE id = :id AND expires_at > :now RETURNING received")
                    .bind("id", inboxId).bind("now", now.toEpochMilli()).mapTo(Integer.class).findOne();
            if (number.isEmpty()) {
                return Optional.<CapturedRequest>empty();
            }
            h.createUpdate("INSERT INTO inspector_requests (inbox_id, number, received_at, method, path, query, headers, "
                            + "body, body_bytes, truncated, remote_address) VALUES (:inbox, :number, :at, :method, "
                            + ":path, :query, :headers, :body, :bytes, :truncated, :remote)")
                    .bind("inbox", inboxId).bind("number", number.get()).bind("at", now.toEpochMilli())
                    .bind("method", method).bind("path", path).bind("query", query).bind("headers", headersJson)
                    .bind("body", kept).bind("bytes", (long) body.length).bind("truncated", truncated)
                    .bind("remote", remoteAddress).execute();
            h.createUpdate("DELETE FROM inspector_requests WHERE inbox_id = :inbox AND number <= :oldest")
                    .bind("inbox", inboxId).bind("oldest", number.get() - Inboxes.MAX_REQUESTS).execute();
            return Optional.of(new CapturedRequest(number.get(), now, method, path, query, Map.copyOf(headers), kept,
                    body.length, truncated, remoteAddress));
        });
    }

    /** @return the kept requests, newest first */
    List<CapturedRequest> list(String inboxId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inspector_requests WHERE inbox_id = :inbox "
                        + "ORDER BY number DESC LIMIT " + Inboxes.MAX_REQUESTS)
                .bind("inbox", inboxId).map((rs, ctx) -> read(rs)).list());
    }

    void clear(String inboxId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM inspector_requests WHERE inbox_id = :inbox")
                .bind("inbox", inboxId).execute());
    }

    private CapturedRequest read(ResultSet rs) throws SQLException {
        return new CapturedRequest(rs.getInt("number"), Instant.ofEpochMilli(rs.getLong("received_at")),
                rs.getString("method"), rs.getString("path"), rs.getString("query"), headers(rs.getString("headers")),
                rs.getBytes("body"), rs.getLong("body_bytes"), rs.getBoolean("truncated"), rs.getString("remote_address"));
    }

    private String json(Map<String, List<String>> headers) {
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers cannot be written as JSON", e);
        }
    }

    private Map<String, List<String>> headers(String json) throws SQLException {
        try {
            return mapper.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored headers are not valid JSON", e);
        }
    }
}
