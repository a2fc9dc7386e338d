package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.Json;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.OperationalSettings;
import io.plugboard.host.internal.events.OperationalTypes;
import io.plugboard.host.internal.events.OutboxWriter;
import io.plugboard.host.internal.filters.FilterCache;
import io.plugboard.host.internal.hooks.HookExecutor;
import io.plugboard.host.internal.hooks.HookRegistry;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.outbound.Destinations;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.internal.outbound.WebhookStore;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.payloads.PayloadFormats;
import io.plugboard.host.internal.payloads.PayloadTemplates;
import io.plugboard.host.internal.payloads.Payloads;
import io.plugboard.host.internal.payloads.TemplateBudget;
import io.plugboard.host.internal.secrets.SealedSettings;
import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.host.internal.secrets.SecretKeys;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.tracing.Tracing;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Dispatcher} wired as {@code DeliveryEngine} wires it (real database, HTTP sender, request
 * factory, completion writer, leases and rate limiter), without the rest of the host, so its tests see
 * the dispatcher's own choices. Webhooks and due deliveries are written straight to the database.
 * Operational events (a webhook failing, a delivery failed) are stored as the host stores them, to
 * nobody: the rig has no webhook subscribed to them.
 */
final class DispatcherRig implements AutoCloseable {

    static final String SECRET = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private final Database db = TestDatabases.openDatabase();
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final Workers workers = new Workers(clock);
    private final HookExecutor hookThread;
    private final Leases leases;
    private final DestinationSender sender;
    final Dispatcher dispatcher;
    private int next;

    DispatcherRig(int maxInFlightPerWebhook, int maxInFlightTotal) {
        this(maxInFlightPerWebhook, maxInFlightTotal, Dispatcher.IDLE_POLL);
    }

    /** @param idlePoll how long the idle dispatcher waits unless woken (the engine's: {@link Dispatcher#IDLE_POLL}) */
    DispatcherRig(int maxInFlightPerWebhook, int maxInFlightTotal, Duration idlePoll) {
        DeliveryConfig settings = new DeliveryConfig(List.of(Duration.ofSeconds(1)), 0, Duration.ofSeconds(2),
                Duration.ofSeconds(20), 1024, maxInFlightPerWebhook, maxInFlightTotal, Duration.ofHours(1),
                Duration.ofDays(5), 100, Duration.ofHours(1), Duration.ofDays(7), Duration.ofSeconds(5),
                Duration.ofMinutes(1), null);
        ObjectMapper mapper = Json.newMapper();
        HookRunner hooks = new HookRunner(new HookRegistry(), Duration.ofSeconds(1));
        hookThread = new HookExecutor(hooks);
        PayloadFormats formats = PayloadFormats.builtIn(mapper, new PayloadTemplates(mapper, TemplateBudget.defaults()),
                "Test site");
        Destinations destinations = new Destinations();
        // The receivers listen on 127.0.0.1: private targets allowed.
        TargetGuard guard = new TargetGuard(true, List.of());
        sender = new DestinationSender(new HttpSender(settings, guard), destinations, formats, settings,
                new AttemptSpans(Tracing.local()));
        RequestFactory requests = new RequestFactory(new Payloads(formats, (app, name) -> Optional.empty()),
                new OutgoingFilter(hooks), new SendingFilter(hooks), "9.9.9", new OutboundCatalog(destinations, formats));
        leases = new Leases(db.jdbi(), db.dialect(), "ins_test", settings.leaseDuration(), clock, workers);
        DeliveryMetrics metrics = new DeliveryMetrics(db.jdbi(), clock::instant);
        Ids ids = new Ids(clock);
        CompletionWriter writer = new CompletionWriter(db.jdbi(), settings, mapper, metrics, "ins_test",
                new OutcomeHooks(hookThread), operationalEvents(mapper, ids));
        WebhookStore webhooks = new WebhookStore(db.jdbi(),
                new SealedSettings(new SealedValues(SecretKeys.load(null, TestHost.tempDir("keys"))), mapper));
        dispatcher = new Dispatcher(new DeliveryQueue(db.jdbi(), db.dialect(), leases), webhooks, requests, sender,
                writer, settings, metrics, ids, clock, leases,
                new RateLimiter(new LocalBuckets(clock), null, clock), workers, idlePoll);
    }

    private OperationalEvents operationalEvents(ObjectMapper mapper, Ids ids) {
        EventTypeRegistry registry = new EventTypeRegistry();
        EventTypeCompiler compiler = new EventTypeCompiler(mapper);
        OperationalTypes.all().forEach(type -> registry.register(compiler.compile(type, OperationalEvents.SOURCE)));
        EventService events = new EventService(registry, db.groupCommit(), new OutboxWriter(ids, new FilterCache(), mapper),
                stored -> { }, mapper, ids, clock, false);
        return new OperationalEvents(events, mapper, OperationalSettings.DEFAULTS);
    }

    void start() {
        leases.recoverAtStart();
        leases.start();
        dispatcher.start();
    }

    /** Stores an enabled webhook subscribed to "ping". */
    void webhook(String id, String url) {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO webhooks (id, name, url, secret, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)",
                    id, id, url, SECRET);
            h.execute("INSERT INTO webhook_events (webhook_id, event_type, position) VALUES (?, 'ping', 0)", id);
        });
    }

    /**
     * Stores {@code n} due deliveries to a webhook, each of an event whose data says {@code {"n":"<marker>-<i>"}}.
     * Each is due a millisecond after the one before, all of them {@code agoMs} ago and older than later ones.
     */
    void due(String webhookId, String marker, int n, long agoMs) {
        long dueAt = clock.millis() - agoMs;
        db.jdbi().useTransaction(h -> {
            for (int i = 0; i < n; i++) {
                String id = String.format("%s_%05d", marker, next++);
                h.execute("INSERT INTO events (id, type, data, source, created_at) VALUES (?, 'ping', ?, 'app', 0)",
                        "evt_" + id, "{\"n\":\"" + marker + "-" + i + "\"}");
                h.execute("INSERT INTO deliveries (id, event_id, webhook_id, status, attempts, next_attempt_at, "
                        + "created_at, updated_at) VALUES (?, ?, ?, 'pending', 0, ?, 0, 0)", "dlv_" + id, "evt_" + id,
                        webhookId, dueAt + i);
            }
        });
    }

    /** @return how many of a webhook's deliveries are recorded as succeeded */
    int succeeded(String webhookId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE webhook_id = :w "
                + "AND status = 'succeeded'").bind("w", webhookId).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        dispatcher.close();
        leases.close();
        sender.close();
        hookThread.close();
        db.close();
    }
}
