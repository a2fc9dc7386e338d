package io.plugboard.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.ApiTokens;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.auth.LoginThrottle;
import io.plugboard.host.internal.auth.Sessions;
import io.plugboard.host.internal.delivery.DeliveryEngine;
import io.plugboard.host.internal.delivery.DeliveryMetrics;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.OutboxWriter;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.events.SourceEmitter;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.web.WebServer;
import io.plugboard.host.internal.webhooks.Secrets;
import io.plugboard.host.internal.webhooks.TargetGuard;
import io.plugboard.host.internal.webhooks.WebhookService;
import io.plugboard.host.internal.webhooks.WebhookStore;
import io.plugboard.host.internal.webhooks.WebhookValidator;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.EventType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started host: wires the parts together in order and takes them down in reverse. The only place
 * that knows every part; each part gets what it needs through its constructor.
 */
public final class Runtime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Runtime.class);

    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private EventEmitter appEmitter;
    private EventService events;
    private WebServer web;

    private Runtime() {}

    public static Runtime start(HostConfig config) {
        Runtime runtime = new Runtime();
        try {
            runtime.boot(config);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void boot(HostConfig config) {
        // Millisecond ticks: times are stored as epoch millis, so what we return must not be finer.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        Ids ids = new Ids(clock);
        ObjectMapper apiMapper = Json.newMapper();
        ObjectMapper dataMapper = Json.newDataMapper();

        Database db = closing(Database.openSqlite(config.dataDir()));
        EventTypeRegistry registry = new EventTypeRegistry();
        EventTypeCompiler compiler = new EventTypeCompiler(apiMapper);
        for (EventType type : config.appEventTypes()) {
            registry.register(compiler.compile(type, RegisteredEventType.APP_SOURCE));
        }
        WebhookStore webhookStore = new WebhookStore(db.jdbi());
        DeliveryMetrics metrics = new DeliveryMetrics(db.jdbi(), clock::instant);
        TargetGuard guard = new TargetGuard(config.allowPrivateTargets(), config.allowedTargets());
        guard.relaxedNotice().ifPresent(log::warn);
        DeliveryEngine delivery = new DeliveryEngine(db.jdbi(), webhookStore, guard, config.delivery(), metrics,
                apiMapper, ids, clock, config.hostVersion());
        events = new EventService(registry, db.jdbi(), new OutboxWriter(ids), event -> {
            metrics.emitted(event.type());
            delivery.wake();
        }, apiMapper, ids, clock);
        appEmitter = new SourceEmitter(events, dataMapper, RegisteredEventType.APP_SOURCE);

        PluginService plugins = closing(new PluginService(config.pluginsDir(), config.hostVersion(), registry, compiler,
                source -> new SourceEmitter(events, dataMapper, source)));
        WebhookService webhooks = new WebhookService(webhookStore, new WebhookValidator(registry, guard), new Secrets(), ids,
                clock);
        AuthServices auth = new AuthServices(new AdminUsers(db.jdbi(), ids, clock),
                new Sessions(db.jdbi(), clock, config.sessionIdleTimeout()), new ApiTokens(db.jdbi(), ids, clock),
                new LoginThrottle(clock));
        createInitialAdmin(config, auth.users());
        web = new WebServer(new HostServices(config, apiMapper, registry, events, webhooks,
                delivery.testSender(events), delivery.store(), metrics, delivery::wake, plugins, guard, auth, clock));

        // Deliveries start before plugins, so events plugins emit while starting go out at once;
        // the engine closes before the plugins and the database, draining what is in flight.
        delivery.start();
        closing(delivery);
        plugins.start();
        closing(web);
        web.start();
        log.info("Plugboard {} is running: admin at http://{}:{}/admin ({} event types from {} plugin(s))",
                config.hostVersion(), config.bindHost(), web.port(), registry.all().size(), plugins.reports().size());
        if (!auth.users().any()) {
            log.warn("No admin exists yet: open http://{}:{}/admin/setup to create the first one "
                    + "(or start with PLUGBOARD_ADMIN_USER and PLUGBOARD_ADMIN_PASSWORD)", config.bindHost(), web.port());
        }
    }

    /** The first admin from the configuration, only while there is none; the password is never logged. */
    private static void createInitialAdmin(HostConfig config, AdminUsers users) {
        if (config.initialAdminUser() == null || users.any()) {
            return;
        }
        users.create(config.initialAdminUser(), config.initialAdminPassword());
        log.info("Created the first admin, '{}'", config.initialAdminUser());
    }

    public EventEmitter appEmitter() {
        return appEmitter;
    }

    /** Emits on the caller's connection, inside the caller's transaction (the transactional outbox). */
    public String emitOn(Connection connection, String type, JsonNode data) throws SQLException {
        return events.emitOn(connection, RegisteredEventType.APP_SOURCE, type, data).id();
    }

    public int port() {
        return web.port();
    }

    public List<String> routes() {
        return web.routes();
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.push(closeable);
        return closeable;
    }

    @Override
    public void close() {
        while (!closeables.isEmpty()) {
            AutoCloseable next = closeables.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Error while shutting down {}: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
