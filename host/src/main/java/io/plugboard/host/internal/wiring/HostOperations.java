package io.plugboard.host.internal.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.delivery.DeliveryMetrics;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.events.SourceEmitter;
import io.plugboard.host.internal.hooks.OwnedHooks;
import io.plugboard.host.internal.instances.HealthCheck;
import io.plugboard.host.internal.instances.HealthReport;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.portal.PortalLinks;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.hooks.Hooks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What the facade {@code io.plugboard.host.Plugboard} offers the application while the host runs: emitting
 * (source {@code app}), its applications and portal links, its hooks, health, meters, and where it is served.
 * The facade keeps the public contract and its Javadoc; this does the work on the started parts.
 */
public final class HostOperations {

    private final Database database;
    private final EventService events;
    private final Applications apps;
    private final PortalLinks portalLinks;
    private final PluginService plugins;
    private final DeliveryMetrics metrics;
    private final HealthCheck health;
    private final String instanceId;
    private final EventEmitter appEmitter;
    private final Hooks appHooks;
    private final Serving serving;

    HostOperations(Foundation base, EngineParts engine, Serving serving) {
        this.database = base.db;
        this.events = engine.events;
        this.apps = engine.apps;
        this.portalLinks = engine.portalLinks;
        this.plugins = engine.plugins;
        this.metrics = engine.metrics;
        this.health = base.health;
        this.instanceId = base.instances.id();
        this.appEmitter = new SourceEmitter(engine.events, base.dataMapper, RegisteredEventType.APP_SOURCE);
        this.appHooks = new OwnedHooks(base.hooks, RegisteredEventType.APP_SOURCE, () -> true);
        this.serving = serving;
    }

    public EventEmitter appEmitter() {
        return appEmitter;
    }

    /** @return the hooks of the embedding application (owner {@code app}) */
    public Hooks appHooks() {
        return appHooks;
    }

    public PluginService plugins() {
        return plugins;
    }

    /** Emits on the caller's connection, inside the caller's transaction (the transactional outbox). */
    public String emitOn(Connection connection, String type, JsonNode data) throws SQLException {
        try (var scope = database.scopeOn(connection)) {
            return events.emitOn(connection, RegisteredEventType.APP_SOURCE, type, data).id();
        }
    }

    /**
     * Emits for one application's webhooks (source {@code app}); see {@code Plugboard.emitFor}.
     *
     * @throws io.plugboard.host.internal.common.NotFoundException if no application has the id or uid
     */
    public String emitFor(String app, String type, JsonNode data) {
        return events.emit(apps.get(app).id(), RegisteredEventType.APP_SOURCE, type, data).id();
    }

    /** @return the Plugboard-relative path of a new single-use portal link; see {@code Plugboard.portalLink} */
    public String portalLink(String app, Duration lifetime, boolean readOnly) {
        return "/portal/enter/" + portalLinks.create(apps.get(app).id(), lifetime.toSeconds(), readOnly).token();
    }

    /** @return the id of the application with the uid, created with the name if there was none */
    public String ensureApplication(String uid, String name) {
        return apps.find(uid).map(Application::id).orElseGet(() -> apps.createOrFind(uid, name).id());
    }

    /** Emits once per idempotency key (source {@code app}); see {@code Plugboard.emitOnce}. */
    public String emitOnce(String idempotencyKey, String type, JsonNode data) {
        List<EventService.NewEvent> one = List.of(new EventService.NewEvent(type, data, idempotencyKey));
        return events.emitAll(RegisteredEventType.APP_SOURCE, one, (connection, written) -> { }).get(0).id();
    }

    public String instanceId() {
        return instanceId;
    }

    /** @return the registry of the host's meters, the one {@code /metrics} scrapes */
    public MeterRegistry meters() {
        return metrics.registry();
    }

    public HealthReport health() {
        return health.check();
    }

    /** @throws IllegalStateException when mounted and the application's server has not started yet */
    public int port() {
        return serving.port();
    }

    /** @return the address the server listens on: the host's own server's, or the application's once started */
    public String listenHost() {
        return serving.listenHost();
    }

    /** Adds the host's routes to the application's Javalin (a {@code mounted()} host only). */
    public void mount(JavalinConfig javalin) {
        serving.mount(javalin);
    }

    public List<String> routes() {
        return serving.routes();
    }
}
