package io.plugboard.host.internal.events;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads and writes the {@code events} table. */
public final class EventStore {

    private final Jdbi jdbi;

    public EventStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(StoredEvent event) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO events (id, type, data, source, created_at) "
                                + "VALUES (:id, :type, :data, :source, :createdAt)")
                .bind("id", event.id())
                .bind("type", event.type())
                .bind("data", event.data())
                .bind("source", event.source())
                .bind("createdAt", event.createdAt().toEpochMilli())
                .execute());
    }

    public Optional<StoredEvent> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, type, data, source, created_at FROM events WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new StoredEvent(rs.getString("id"), rs.getString("type"), rs.getString("data"),
                        rs.getString("source"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .findOne());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one());
    }
}
