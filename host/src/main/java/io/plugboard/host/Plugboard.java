package io.plugboard.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.common.Json;
import io.plugboard.host.internal.wiring.HostOperations;
import io.plugboard.host.internal.wiring.HostRuntime;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.events.InvalidEventTypeException;
import io.plugboard.host.internal.instances.HealthReport;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.InvalidEventException;
import io.plugboard.sdk.hooks.Hooks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Plugboard host, embedded in an application:
 *
 * <pre>{@code
 * try (Plugboard host = Plugboard.builder().pluginsDir(Path.of("plugins")).dataDir(Path.of("data")).build()) {
 *     host.start();
 *     host.events().emit("payment_received", Map.of("amount", "10.00"));
 * }
 * }</pre>
 *
 * <p>{@link #start()} opens the database (migrating it), loads the plugins and starts the web server
 * with the admin at {@code /admin} and the API at {@code /api/v1}. {@link #close()} releases the port,
 * the threads, the plugins and the database. A host runs once: after {@code close()} build a new one.
 *
 * <p>Over 300 lines on purpose: this is the whole public surface an application calls at run time, each
 * method with the Javadoc an embedder reads; the work itself is in {@code internal.wiring.HostOperations}, on
 * the parts {@code internal.wiring.HostRuntime} started.
 */
public final class Plugboard implements AutoCloseable {

    private static final ObjectMapper DATA = Json.newDataMapper();

    private final HostConfig config;
    private HostRuntime runtime;
    private boolean closed;

    Plugboard(HostConfig config) {
        this.config = config;
    }

    /** @return a builder with the defaults: {@code ./plugins}, {@code ./plugboard-data}, 127.0.0.1:8080 */
    public static PlugboardBuilder builder() {
        return new PlugboardBuilder();
    }

    /**
     * Opens the database, loads the plugins and starts serving. A plugin that fails is reported on
     * {@code /admin/plugins} and does not stop the host.
     *
     * @return this host
     * @throws IllegalStateException if already started or closed
     */
    public synchronized Plugboard start() {
        if (runtime != null || closed) {
            throw new IllegalStateException(closed ? "this host was closed" : "this host is already started");
        }
        try {
            runtime = HostRuntime.start(config);
        } catch (InvalidEventTypeException | ValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return this;
    }

    /** @return the emitter for events the embedding application emits itself (source {@code app}) */
    public EventEmitter events() {
        return running().appEmitter();
    }

    /**
     * The actions and filters shared with the plugins (see {@link io.plugboard.sdk.hooks.CoreHooks} for
     * the ones the host fires). What the application adds is owned by {@code app} and stays until the
     * host closes or the registration is removed.
     *
     * @return the hooks, for the embedding application
     */
    public Hooks hooks() {
        return running().appHooks();
    }

    /**
     * Emits an event inside the caller's own database transaction (the transactional outbox): the
     * event and its deliveries are written on {@code connection} and are sent only once the caller
     * commits; a rollback leaves no trace. The connection must be to this host's database (for
     * SQLite, the file {@code plugboard.db} in the data directory; for PostgreSQL, the database and
     * schema given to {@link PlugboardBuilder#database}); the caller commits or rolls back.
     *
     * @param connection an open connection with auto-commit off, to the host's database
     * @param type the key of a registered event type
     * @param data the event's data
     * @return the new event's id
     * @throws InvalidEventException if the type is unknown or the data is refused
     * @throws SQLException if the write fails; the caller should roll back
     */
    public String emitInTransaction(Connection connection, String type, Map<String, ?> data) throws SQLException {
        return running().emitOn(connection, type, tree(data));
    }

    /**
     * Emits an event once per idempotency key (source {@code app}), for code that may run again and
     * emit the same event twice: a retried job, a redelivered message, a restart after a crash. The
     * first call with a key stores the event and queues its deliveries; a call with the same key
     * within 24 hours stores nothing, queues nothing and returns the first event's id. After 24 hours
     * the key is free again. The key is claimed in the transaction that stores the event, so this
     * holds across threads and across hosts sharing a PostgreSQL database. Keys are one namespace with
     * the REST API's ({@code Idempotency-Key}, a batch event's {@code idempotency_key}).
     *
     * @param idempotencyKey what makes this event this one, e.g. {@code order-1042-placed}: 1 to 255
     *     printable ASCII characters
     * @param type the key of a registered event type
     * @param data the event's data
     * @return the id of the event stored now, or of the one the key already stands for
     * @throws InvalidEventException if the type is unknown or the data is refused
     * @throws IllegalArgumentException if the key is null or not 1 to 255 printable ASCII characters, or
     *     if it was used within the last 24 hours for a different event (another type or other data)
     */
    public String emitOnce(String idempotencyKey, String type, Map<String, ?> data) {
        if (idempotencyKey == null) {
            throw new IllegalArgumentException(
                    "idempotencyKey is required; emit through events() for an event without one");
        }
        try {
            return running().emitOnce(idempotencyKey, type, tree(data));
        } catch (ValidationException | ConflictException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Emits an event for one application (one of your customers, see {@code docs/applications.md}): it reaches
     * only that application's webhooks subscribed to the type. {@link #events()} emits for the default
     * application instead (or for every application, for a type declared
     * {@link io.plugboard.sdk.EventType.Builder#broadcast() broadcast}).
     *
     * @param app the application's uid (your own id of the customer) or its id
     * @param type the key of a registered event type
     * @param data the event's data
     * @return the new event's id
     * @throws InvalidEventException if the type is unknown or the data is refused
     * @throws IllegalArgumentException if no application has that uid or id
     */
    public String emitFor(String app, String type, Map<String, ?> data) {
        try {
            return running().emitFor(app, type, tree(data));
        } catch (NotFoundException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Makes sure an application (one of your customers) exists: creates it with this name if no application
     * has the uid, and leaves an existing one as it is. Call it when a customer signs up, or before
     * {@link #emitFor} the first time; {@code POST /api/v1/apps} does the same over HTTP, with more fields.
     *
     * @param uid your own id of the customer: 1 to 100 letters, digits and {@code _ . : @ -}
     * @param name shown in the admin and the portal
     * @return the application's id ({@code app_…})
     * @throws IllegalArgumentException naming what is wrong with the uid or the name
     */
    public String ensureApplication(String uid, String name) {
        try {
            return running().ensureApplication(uid, name);
        } catch (ValidationException | ConflictException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Makes a single-use link that opens the customer portal of one application (see {@code docs/portal.md}):
     * send the customer's browser there from your own settings page, right after they asked for it. The link
     * works once, until it expires; the portal session it starts sees only that application.
     *
     * @param app the application's uid or id
     * @param lifetime how long the link may be opened: 1 minute to 7 days
     * @param readOnly true for a session that may look but not change anything
     * @return the link's path on this host, base path included (e.g. {@code /plugboard/portal/enter/…}); put the
     *     origin your customers reach Plugboard at in front of it when Plugboard is not on your pages' origin
     * @throws IllegalArgumentException if no application has that uid or id, or the lifetime is out of range
     */
    public String portalLink(String app, Duration lifetime, boolean readOnly) {
        try {
            return config.web().basePath().value() + running().portalLink(app, lifetime, readOnly);
        } catch (NotFoundException | ValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static JsonNode tree(Map<String, ?> data) {
        try {
            return DATA.valueToTree(data);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event data cannot be turned into JSON: " + e.getMessage(), List.of());
        }
    }

    /** @return this instance's id among those sharing the database (see {@link PlugboardBuilder#instanceId}) */
    public String instanceId() {
        return running().instanceId();
    }

    /**
     * The host's health, as {@code GET /health} answers it: {@code DEGRADED} while a background worker
     * fails (each failure is logged with its cause, and the worker retries with a growing pause),
     * {@code UNAVAILABLE} while the database does not answer.
     *
     * @return what is wrong now, if anything
     */
    public HostHealth health() {
        HealthReport report = running().health();
        List<HostHealth.Problem> problems = new ArrayList<>();
        if (report.databaseError() != null) {
            problems.add(new HostHealth.Problem("database", report.databaseError(), Instant.now(), 1));
        }
        report.problems().forEach(p -> problems.add(new HostHealth.Problem(p.worker(), p.error(), p.since(), p.failures())));
        return new HostHealth(HostHealth.Status.valueOf(report.status().name()), report.instanceId(),
                report.queueLagMs() == null ? -1 : report.queueLagMs(), List.copyOf(problems));
    }

    /**
     * The host's Micrometer meters: events emitted per type, delivery attempts and finished deliveries by
     * webhook and outcome, queue depth, age of the oldest pending delivery, delivery latency. This is the
     * registry {@code GET /metrics} scrapes; read its meters (e.g. mirror them into the application's own
     * registry, as the Spring Boot starter does) rather than adding meters or filters to it.
     *
     * @return the registry of the host's meters, for the host's lifetime
     */
    public MeterRegistry meterRegistry() {
        return running().meters();
    }

    /**
     * @return the port the server listens on (the real one when 0 was configured); for a
     *     {@link PlugboardBuilder#mounted() mounted} host, the port of the application's server
     * @throws IllegalStateException for a mounted host before the application's server has started
     */
    public int port() {
        return running().port();
    }

    /**
     * @return where Plugboard answers: the server's URL, e.g. {@code http://127.0.0.1:8080}, followed by the
     *     {@link PlugboardBuilder#basePath base path} if one is set ({@code http://127.0.0.1:8080/plugboard});
     *     the admin is at {@code baseUrl() + "/admin"}, the API at {@code baseUrl() + "/api/v1"}. For a
     *     {@link PlugboardBuilder#mounted() mounted} host, the application's server's address and port (as
     *     far as it listens on one address; {@code localhost} when it listens on every one)
     * @throws IllegalStateException for a mounted host before the application's server has started
     */
    public String baseUrl() {
        String listening = running().listenHost();
        String host = listening.equals("0.0.0.0") || listening.equals("::") ? "localhost" : listening;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + config.web().basePath().value();
    }

    /** Adds the routes to an application's Javalin; see {@link PlugboardJavalin#mount}. */
    void mountOn(JavalinConfig javalin) {
        running().mount(javalin);
    }

    /**
     * Stops the server, the plugins and the database. Safe to call more than once. A
     * {@link PlugboardBuilder#mounted() mounted} host stops its services only: the application's server
     * keeps running, and Plugboard's routes in it answer 503.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    /** Every HTTP route the running host serves; for tests that check the API description. */
    List<String> routes() {
        return running().routes();
    }

    /** Deactivates one active plugin; for tests of what a stopped plugin leaves behind. @return false if it was not active */
    boolean stopPlugin(String pluginId) {
        PluginService plugins = running().plugins();
        if (plugins.reports().stream().noneMatch(p -> p.id().equals(pluginId) && p.active())) {
            return false;
        }
        plugins.deactivate(pluginId);
        return true;
    }

    /** Uninstalls a plugin that is not active, removing its stored data; for tests. */
    void deletePluginData(String pluginId) {
        PluginService plugins = running().plugins();
        if (plugins.report(pluginId).active()) {
            throw new IllegalStateException("plugin '" + pluginId + "' is running; deactivate it first");
        }
        plugins.uninstall(pluginId);
    }

    private synchronized HostOperations running() {
        if (runtime == null) {
            throw new IllegalStateException("the host is not running; call start() first");
        }
        return runtime.operations();
    }

    /** What {@code emit} does with event data that does not match the event type's JSON Schema. */
    public enum EventDataCheck {
        /** Refuse the event: {@code InvalidEventException} (an API call gets 400 with the problems). */
        REJECT,
        /** Accept the event and log a warning with the problems. */
        WARN
    }
}
