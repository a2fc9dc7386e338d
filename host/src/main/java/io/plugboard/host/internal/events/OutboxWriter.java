package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.filters.FilterCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an event and one pending delivery per enabled webhook subscribed to its type, on the
 * caller's connection and inside the caller's transaction: the transactional outbox. Plain JDBC so
 * that an embedding application can pass its own connection. A webhook with a filter gets a delivery
 * only when the event matches it; the event's data is parsed only when some subscriber has a filter.
 * The host's own event about a webhook is never delivered to that webhook ({@link OperationalEvents}).
 * An event reaches the webhooks of its application only, or of every application when it is a broadcast
 * (its {@code appId} null); an application's allowed event types are kept in its webhooks' subscriptions.
 */
public final class OutboxWriter {

    private final Ids ids;
    private final FilterCache filters;
    private final ObjectMapper mapper;
    private final Envelope envelopes;

    public OutboxWriter(Ids ids, FilterCache filters, ObjectMapper mapper) {
        this.ids = ids;
        this.filters = filters;
        this.mapper = mapper;
        this.envelopes = new Envelope(mapper);
    }

    /** @param fanOut false to store the event alone (a test event is delivered by its sender) */
    public int write(Connection c, StoredEvent e, boolean fanOut) throws SQLException {
        if (!fanOut) {
            insertEvents(c, List.of(e));
            return 0;
        }
        return writeAll(c, List.of(e));
    }

    /**
     * Writes events with their deliveries, preparing each statement once and reading each type's
     * subscribers once for the whole list (a batch of 100 prepared 300 statements before).
     *
     * @return how many deliveries were written
     */
    public int writeAll(Connection c, List<StoredEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        insertEvents(c, events);
        Map<String, List<Subscriber>> byTypeAndApp = new HashMap<>();
        int deliveries = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO deliveries (id, event_id, webhook_id, status, "
                + "attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)")) {
            for (StoredEvent e : events) {
                String key = e.type() + '\n' + e.appId();
                List<Subscriber> subscribers = byTypeAndApp.get(key);
                if (subscribers == null) {
                    subscribers = subscribers(c, e.type(), e.appId());
                    byTypeAndApp.put(key, subscribers);
                }
                long at = e.createdAt().toEpochMilli();
                JsonNode envelope = null;
                String about = OperationalEvents.aboutWebhook(e, mapper);
                for (Subscriber s : subscribers) {
                    if (s.webhookId().equals(about)) {
                        continue;
                    }
                    if (s.filter() != null) {
                        envelope = envelope != null ? envelope : envelopes.tree(e);
                        if (!filters.matches(s.filter(), envelope)) {
                            continue;
                        }
                    }
                    insert.setString(1, ids.next("dlv"));
                    insert.setString(2, e.id());
                    insert.setString(3, s.webhookId());
                    insert.setLong(4, at);
                    insert.setLong(5, at);
                    insert.setLong(6, at);
                    insert.addBatch();
                    deliveries++;
                }
            }
            if (deliveries > 0) {
                insert.executeBatch();
            }
        }
        return deliveries;
    }

    private static void insertEvents(Connection c, List<StoredEvent> events) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO events (id, type, data, source, created_at, traceparent, app_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (StoredEvent e : events) {
                insert.setString(1, e.id());
                insert.setString(2, e.type());
                insert.setString(3, e.data());
                insert.setString(4, e.source());
                insert.setLong(5, e.createdAt().toEpochMilli());
                insert.setString(6, e.traceparent());
                insert.setString(7, e.appId());
                if (events.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (events.size() > 1) {
                insert.executeBatch();
            }
        }
    }

    /** An enabled webhook subscribed to a type, and its filter (null: every event). */
    private record Subscriber(String webhookId, String filter) {}

    /** @param app the application's id, or null for every application's */
    private static List<Subscriber> subscribers(Connection c, String type, String app) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT w.id, w.filter FROM webhooks w JOIN webhook_events we "
                + "ON we.webhook_id = w.id WHERE we.event_type = ? AND w.enabled"
                + (app == null ? "" : " AND w.app_id = ?"))) {
            q.setString(1, type);
            if (app != null) {
                q.setString(2, app);
            }
            List<Subscriber> found = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new Subscriber(rs.getString(1), rs.getString(2)));
                }
            }
            return found;
        }
    }
}
