package io.plugboard.host.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.tracing.Tracing;
import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.storage.GroupCommit;
import io.plugboard.sdk.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts events: checks the type is registered and the data is a JSON object that satisfies the
 * type's schema, then stores the event and its pending deliveries. Sending happens elsewhere, never here.
 *
 * <p>Over 300 lines on purpose: every way an event enters the host (one, a batch, on the caller's
 * connection, for one application or none, stored without fan-out, prepared for a preview) goes through
 * the same checks in {@code accept}, and keeping those entries beside it shows that none skips a check.
 */
public final class EventService {

    private static final Logger log = LoggerFactory.getLogger(EventService.class);

    /** The largest {@code data} accepted, as serialized JSON. */
    public static final int MAX_DATA_BYTES = 512 * 1024;

    private final EventTypeRegistry registry;
    private final GroupCommit writes;
    private final OutboxWriter outbox;
    private final Consumer<StoredEvent> onEmitted;
    private final ObjectMapper mapper;
    private final Ids ids;
    private final Clock clock;
    private final boolean rejectInvalidData;
    private final EventHooks hooks;
    private final Tracing tracing;

    /**
     * @param writes where concurrent emits share transactions: SQLite has one writer, and a commit per
     *     event made each emitting thread queue behind every other (BENCHMARKS.md, run 8)
     * @param onEmitted told after each emitted event is committed (wakes the dispatcher)
     * @param rejectInvalidData true to refuse data that breaks the type's schema, false to log and accept it
     */
    public EventService(EventTypeRegistry registry, GroupCommit writes, OutboxWriter outbox, Consumer<StoredEvent> onEmitted,
                        ObjectMapper mapper, Ids ids, Clock clock, boolean rejectInvalidData) {
        this(registry, writes, outbox, onEmitted, mapper, ids, clock, rejectInvalidData, null);
    }

    /** @param hooks fires {@code event_to_store}, {@code event_refused} and {@code event_stored}; null for none */
    public EventService(EventTypeRegistry registry, GroupCommit writes, OutboxWriter outbox, Consumer<StoredEvent> onEmitted,
                        ObjectMapper mapper, Ids ids, Clock clock, boolean rejectInvalidData, HookRunner hooks) {
        this(registry, writes, outbox, onEmitted, mapper, ids, clock, rejectInvalidData, hooks, Tracing.local());
    }

    /** @param tracing makes each stored event's emit span, whose traceparent is stored with it */
    public EventService(EventTypeRegistry registry, GroupCommit writes, OutboxWriter outbox, Consumer<StoredEvent> onEmitted,
                        ObjectMapper mapper, Ids ids, Clock clock, boolean rejectInvalidData, HookRunner hooks,
                        Tracing tracing) {
        this.tracing = tracing;
        this.hooks = new EventHooks(hooks, mapper);
        this.rejectInvalidData = rejectInvalidData;
        this.registry = registry;
        this.writes = writes;
        this.outbox = outbox;
        this.onEmitted = onEmitted;
        this.mapper = mapper;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Validates and stores the event with one pending delivery per subscribed enabled webhook, in one
     * transaction. Returns once that is committed; sending happens later.
     *
     * @throws InvalidEventException if the type is unknown or the data is refused; nothing is stored then
     */
    public StoredEvent emit(String source, String type, JsonNode data) {
        return emit(null, source, type, data);
    }

    /**
     * {@link #emit(String, String, JsonNode)} for one application's webhooks.
     *
     * @param app the application's id; null for an event that names none (the default application's, or every
     *     application's for a broadcast type)
     */
    public StoredEvent emit(String app, String source, String type, JsonNode data) {
        StoredEvent event = toStore(app, source, type, data);
        write(event, true);
        hooks.stored(List.of(event));
        onEmitted.accept(event);
        return event;
    }

    /**
     * The transactional outbox: validates the event and writes it with its deliveries on the caller's
     * connection, inside the caller's transaction. Nothing is sent unless the caller commits; the
     * dispatcher finds the committed deliveries on its next poll (within half a second), since the
     * host cannot know when, or whether, the caller commits.
     */
    public StoredEvent emitOn(Connection connection, String source, String type, JsonNode data) throws SQLException {
        return emitOn(connection, null, source, type, data);
    }

    /** {@link #emitOn(Connection, String, String, JsonNode)} for one application (null: none named). */
    public StoredEvent emitOn(Connection connection, String app, String source, String type, JsonNode data)
            throws SQLException {
        StoredEvent event = toStore(app, source, type, data);
        outbox.write(connection, event, true);
        hooks.stored(List.of(event));
        return event;
    }

    /**
     * What follows a committed emit (counted, the dispatcher woken, {@code event_emitted} fired), for an
     * event written by {@link #emitOn} in a transaction the host itself committed (a plugin's).
     */
    public void announce(StoredEvent event) {
        onEmitted.accept(event);
    }

    /**
     * One event of a batch for {@link #emitAll}.
     *
     * @param idempotencyKey null, or a key that makes the event stored once within
     *     {@link IdempotencyKeys#WINDOW} (see {@link IdempotencyKeys})
     */
    public record NewEvent(String type, JsonNode data, String idempotencyKey) {

        public NewEvent(String type, JsonNode data) {
            this(type, data, null);
        }
    }

    /** More rows to write in the same transaction as a batch of events (e.g. where they came from). */
    @FunctionalInterface
    public interface AlsoWrite {
        /** @param events the events written, in order; a replay by idempotency key is not among them */
        void write(Connection connection, List<StoredEvent> events) throws SQLException;
    }

    /**
     * Validates every event first, then stores all of them with their deliveries, and {@code also}'s
     * rows, in one transaction: all or nothing. An event whose idempotency key already stands for an
     * event of the same type and data is not stored again: its entry is that event's id (a replay).
     *
     * @return per event, in order: its id, and whether it was a replay
     * @throws InvalidBatchEventException naming the first refused event (by position); nothing is stored then
     * @throws IdempotencyConflictException if a key stands for a different event; nothing is stored then
     */
    public List<Emitted> emitAll(String source, List<NewEvent> batch, AlsoWrite also) {
        return emitAll(null, source, batch, also);
    }

    /** {@link #emitAll(String, List, AlsoWrite)} for one application (null: none named). */
    public List<Emitted> emitAll(String app, String source, List<NewEvent> batch, AlsoWrite also) {
        List<StoredEvent> events = new java.util.ArrayList<>();
        List<KeyClaim> claims = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewEvent e = batch.get(i);
            try {
                events.add(toStore(app, source, e.type(), e.data()));
            } catch (InvalidEventException refused) {
                String field = e.type() == null || registry.find(e.type()).isEmpty() ? "type" : "data";
                throw new InvalidBatchEventException(i, batch.size(), e.type(), field, refused.getMessage(),
                        refused.problems());
            }
            claims.add(KeyClaim.of(e.idempotencyKey(), e.type(), e.data(), events.get(i)));
        }
        List<Emitted> emitted = store(events, claims, also);
        List<StoredEvent> stored = fresh(events, emitted);
        hooks.stored(stored);
        stored.forEach(onEmitted);
        return emitted;
    }

    private List<Emitted> store(List<StoredEvent> events, List<KeyClaim> claims, AlsoWrite also) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writes.write(c -> {
                    List<Emitted> outcomes = IdempotencyKeys.claimAll(c, claims);
                    List<StoredEvent> written = fresh(events, outcomes);
                    outbox.writeAll(c, written);
                    also.write(c, written);
                    return outcomes;
                });
            } catch (SQLException e) {
                // Keys of several writes sharing a group commit are claimed write by write, so two instances
                // can lock two keys in opposite orders; PostgreSQL then aborts one transaction. Once more.
                if (attempt > 1 || !IdempotencyKeys.deadlocked(e)) {
                    throw new IllegalStateException("could not store " + events.size() + " event(s)", e);
                }
            }
        }
    }

    /** @return the events stored under their own ids, leaving out the replays by idempotency key */
    private static List<StoredEvent> fresh(List<StoredEvent> events, List<Emitted> outcomes) {
        List<StoredEvent> out = new java.util.ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (!outcomes.get(i).replayed()) {
                out.add(events.get(i));
            }
        }
        return out;
    }

    /** Validates and stores an event without delivering it (a test event, sent by its own sender). */
    public StoredEvent store(String source, String type, JsonNode data) {
        StoredEvent event = toStore(null, source, type, data);
        write(event, false);
        hooks.stored(List.of(event));
        return event;
    }

    /**
     * Validates an event and gives it an id without storing it: what a preview or the test console
     * sends, which leaves no trace in the database.
     */
    public StoredEvent prepare(String source, String type, JsonNode data) {
        return accept(null, source, type, data, false);
    }

    private void write(StoredEvent event, boolean fanOut) {
        try {
            writes.write(c -> outbox.write(c, event, fanOut));
        } catch (SQLException e) {
            throw new IllegalStateException("could not store event " + event.id(), e);
        }
    }

    /** {@link #accept} for an event to be stored: through {@code event_to_store}, a refusal told to {@code event_refused}. */
    private StoredEvent toStore(String app, String source, String type, JsonNode data) {
        try {
            return accept(app, source, type, data, true);
        } catch (InvalidEventException refused) {
            hooks.refused(source, type, refused.getMessage());
            throw refused;
        }
    }

    private StoredEvent accept(String app, String source, String type, JsonNode given, boolean filtered) {
        RegisteredEventType registered = requireType(type);
        if (OperationalEvents.SOURCE.equals(registered.pluginId()) && !OperationalEvents.mayEmit(source)) {
            throw new InvalidEventException("'" + type + "' is an operational event: only Plugboard itself emits it",
                    List.of());
        }
        JsonNode data = given;
        String json = shapeChecked(data);
        if (filtered) {
            data = hooks.toStore(source, type, given, json);
            json = data == given ? json : shapeChecked(data);
        }
        List<String> problems = registered.validate(data);
        if (!problems.isEmpty()) {
            if (rejectInvalidData) {
                throw new InvalidEventException("event data does not match the schema of '" + type + "'", problems);
            }
            log.warn("Event data from {} does not match the schema of '{}' (accepted, as configured): {}",
                    source, type, problems);
        }
        String id = ids.next("evt");
        String reaches = app != null ? app : registered.broadcast() ? null : DefaultApp.ID;
        return new StoredEvent(id, type, json, source, clock.instant(), filtered ? tracing.emitted(id, type) : null,
                reaches);
    }

    /** @return the data as compact JSON, once it is known to be a JSON object of numbers in range and not too large */
    private String shapeChecked(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("event data must be a JSON object", List.of());
        }
        List<String> outOfRange = NumberRange.problems(data);
        if (!outOfRange.isEmpty()) {
            throw new InvalidEventException(String.join("; ", outOfRange), outOfRange);
        }
        String json = serialize(data);
        if (json.length() > MAX_DATA_BYTES / 4 && json.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new InvalidEventException("event data is larger than " + MAX_DATA_BYTES / 1024 + " KB", List.of());
        }
        return json;
    }

    /** @throws InvalidEventException naming the unknown type */
    public RegisteredEventType requireType(String type) {
        return registry.find(type).orElseThrow(() -> new InvalidEventException(
                type == null || type.isBlank()
                        ? "event type is required"
                        : "unknown event type '" + type + "'; GET /api/v1/event-types lists the registered types",
                List.of()));
    }

    private String serialize(JsonNode data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("event data cannot be serialized: " + e.getOriginalMessage(), List.of());
        }
    }
}
