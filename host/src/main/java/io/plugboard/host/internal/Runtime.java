package io.plugboard.host.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.delivery.AttemptStore;
import io.plugboard.host.internal.delivery.Envelope;
import io.plugboard.host.internal.delivery.HttpSender;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventStore;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.events.SourceEmitter;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.web.WebServer;
import io.plugboard.host.internal.webhooks.Secrets;
import io.plugboard.host.internal.webhooks.WebhookService;
import io.plugboard.host.internal.webhooks.WebhookStore;
import io.plugboard.host.internal.webhooks.WebhookValidator;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.EventType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started host: wires the parts together in order and takes them down in reverse. The only place
 * that knows every part; each part gets what it needs through its constructor.
 */
public final class Runtime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Runtime.class);

    /** Bytes of a test response body kept and shown. */
    static final int TEST_RESPONSE_BYTES = 4096;

    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private EventEmitter appEmitter;
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
        EventService events = new EventService(registry, new EventStore(db.jdbi()), apiMapper, ids, clock);
        appEmitter = new SourceEmitter(events, dataMapper, RegisteredEventType.APP_SOURCE);

        PluginService plugins = closing(new PluginService(config.pluginsDir(), config.hostVersion(), registry, compiler,
                source -> new SourceEmitter(events, dataMapper, source)));
        plugins.start();

        WebhookService webhooks = new WebhookService(new WebhookStore(db.jdbi()), new WebhookValidator(registry),
                new Secrets(), ids, clock);
        HttpSender http = closing(new HttpSender(HttpSender.CONNECT_TIMEOUT, HttpSender.REQUEST_TIMEOUT,
                TEST_RESPONSE_BYTES));
        AttemptStore attempts = new AttemptStore(db.jdbi());
        TestSender testSender = new TestSender(events, new Envelope(apiMapper), http, attempts, ids, clock,
                config.hostVersion());

        web = closing(new WebServer(new HostServices(config, apiMapper, registry, events, webhooks, testSender,
                attempts, plugins)));
        web.start();
        log.info("Plugboard {} is running: admin at http://{}:{}/admin ({} event types from {} plugin(s))",
                config.hostVersion(), config.bindHost(), web.port(), registry.all().size(), plugins.reports().size());
    }

    public EventEmitter appEmitter() {
        return appEmitter;
    }

    public int port() {
        return web.port();
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
