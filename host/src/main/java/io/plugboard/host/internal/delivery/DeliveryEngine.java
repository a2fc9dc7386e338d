package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.instances.JobLeases;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.Dialect;
import io.plugboard.host.internal.tracing.Tracing;
import io.plugboard.host.internal.hooks.HookExecutor;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.payloads.AppSecretLookup;
import io.plugboard.host.internal.payloads.Payloads;
import io.plugboard.host.internal.outbound.PayloadCheck;
import io.plugboard.host.internal.outbound.Destinations;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.internal.outbound.WebhookStore;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The delivery engine assembled: HTTP sender, request signing, dispatcher, attempt recording,
 * retention, bulk replays, test sends and the delivery log, with this instance's claims on deliveries. Start it after the database is ready; closing it
 * drains requests in flight.
 */
public final class DeliveryEngine implements AutoCloseable {

    private final DestinationSender sender;
    private final Dispatcher dispatcher;
    private final CompletionWriter writer;
    private final RequestFactory requests;
    private final Payloads payloads;
    private final DeliveryStore store;
    private final Retention retention;
    private final DeliveryReplays replays;
    private final ReplayRunner replayRunner;
    private final Leases leases;
    private final RateLimiter limits;
    private final Ids ids;
    private final Clock clock;

    /**
     * @param database where deliveries are stored, and its dialect
     * @param instanceId who claims deliveries: this instance's id
     * @param jobs runs the retention purge on one instance at a time
     * @param workers supervises the dispatcher, the attempt recorder, the lease renewer and retention
     * @param ops the operational events recording attempts may make (a webhook disabled, failing, a delivery failed)
     * @param tracing makes each attempt's span, whose traceparent the request carries
     * @param proxy the proxy HTTP webhooks go through, or null
     * @param secrets the secrets store (OAuth client secrets, read in the webhook's application)
     */
    public DeliveryEngine(Database database, WebhookStore webhooks, TargetGuard guard, DeliveryConfig settings,
                          DeliveryMetrics metrics, ObjectMapper mapper, Ids ids, Clock clock, String hostVersion,
                          Payloads payloads, LocalEndpoint local, HookRunner hooks, HookExecutor hookThread,
                          String instanceId, JobLeases jobs, Workers workers, Destinations destinations,
                          OutboundCatalog catalog, OperationalEvents ops, Tracing tracing, OutboundProxy proxy,
                          AppSecretLookup secrets) {
        Jdbi jdbi = database.jdbi();
        this.leases = new Leases(jdbi, database.dialect(), instanceId, settings.leaseDuration(), clock, workers);
        this.sender = new DestinationSender(new HttpSender(settings, guard, local, proxy, secrets, clock), destinations,
                payloads.formats(), settings, new AttemptSpans(tracing));
        this.payloads = payloads;
        this.requests = new RequestFactory(payloads, new OutgoingFilter(hooks), new SendingFilter(hooks), hostVersion,
                catalog);
        this.writer = new CompletionWriter(jdbi, settings, mapper, metrics, instanceId, new OutcomeHooks(hookThread),
                ops);
        // One instance on SQLite: its buckets in memory; on PostgreSQL the instances share a row per webhook.
        this.limits = new RateLimiter(database.dialect() == Dialect.POSTGRESQL ? new SharedBuckets(jdbi)
                : new LocalBuckets(clock), settings.defaultRateLimit(), clock);
        this.dispatcher = new Dispatcher(new DeliveryQueue(jdbi, database.dialect(), leases), webhooks, requests, sender,
                writer, settings, metrics, ids, clock, leases, limits, workers, Dispatcher.IDLE_POLL);
        this.store = new DeliveryStore(jdbi, mapper, ids);
        this.retention = new Retention(jdbi, settings.retention(), clock, jobs, workers);
        this.replays = new DeliveryReplays(jdbi, mapper, store.requeue(), ids, clock, dispatcher::wake);
        this.replayRunner = new ReplayRunner(replays, jobs, workers);
        this.ids = ids;
        this.clock = clock;
    }

    public void start() {
        leases.recoverAtStart();
        leases.start();
        dispatcher.start();
        retention.start();
        replayRunner.start();
    }

    /** Tells the dispatcher that deliveries were committed. */
    public void wake() {
        dispatcher.wake();
    }

    /** Tells the dispatcher that a webhook was created, changed or deleted on this instance. */
    public void webhooksChanged() {
        dispatcher.webhooksChanged();
    }

    /** The webhooks' rate limits as they stand (lowered for a while after a 429). */
    public RateLimiter rateLimits() {
        return limits;
    }

    public DeliveryStore store() {
        return store;
    }

    /** Bulk replays: dry runs, and jobs that queue deliveries again. */
    public DeliveryReplays replays() {
        return replays;
    }

    public TestSender testSender(EventService events) {
        return new TestSender(events, store, requests, sender, writer, ids, clock);
    }

    /** The test console: a custom payload sent once, nothing stored. */
    public TestConsole testConsole(EventService events) {
        return new TestConsole(events, requests, payloads, sender, clock);
    }

    /** Previews of the request a webhook's settings would send. */
    /** @param secretNames the names of an application's secrets, by its id */
    public RequestPreview preview(EventService events, PayloadCheck check,
                                  java.util.function.Function<String, java.util.Set<String>> secretNames,
                                  ObjectMapper mapper) {
        return new RequestPreview(requests, events, check, secretNames, mapper, clock);
    }

    @Override
    public void close() {
        replayRunner.close();
        retention.close();
        dispatcher.close();
        // Drained: what this instance still claims goes back to the queue for the others at once.
        leases.close();
        leases.release();
        sender.close();
    }
}
