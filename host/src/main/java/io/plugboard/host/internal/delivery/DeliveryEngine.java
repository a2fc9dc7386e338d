package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.DeliverySettings;
import io.plugboard.host.internal.Ids;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.webhooks.TargetGuard;
import io.plugboard.host.internal.webhooks.WebhookStore;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The delivery engine assembled: HTTP sender, request signing, dispatcher, attempt recording,
 * retention, test sends and the delivery log. Start it after the database is ready; closing it
 * drains requests in flight.
 */
public final class DeliveryEngine implements AutoCloseable {

    private final HttpSender http;
    private final Dispatcher dispatcher;
    private final CompletionWriter writer;
    private final RequestFactory requests;
    private final DeliveryStore store;
    private final Retention retention;
    private final Ids ids;
    private final Clock clock;

    public DeliveryEngine(Jdbi jdbi, WebhookStore webhooks, TargetGuard guard, DeliverySettings settings,
                          DeliveryMetrics metrics, ObjectMapper mapper, Ids ids, Clock clock, String hostVersion) {
        this.http = new HttpSender(settings.connectTimeout(), settings.requestTimeout(), settings.maxResponseBodyBytes(),
                guard);
        this.requests = new RequestFactory(new Envelope(mapper), hostVersion);
        this.writer = new CompletionWriter(jdbi, settings, mapper, metrics);
        this.dispatcher = new Dispatcher(new DeliveryQueue(jdbi), webhooks, requests, http, writer, settings, metrics,
                ids, clock);
        this.store = new DeliveryStore(jdbi, mapper, ids);
        this.retention = new Retention(jdbi, settings.retention(), clock);
        this.ids = ids;
        this.clock = clock;
    }

    public void start() {
        dispatcher.start();
        retention.start();
    }

    /** Tells the dispatcher that deliveries were committed. */
    public void wake() {
        dispatcher.wake();
    }

    public DeliveryStore store() {
        return store;
    }

    public TestSender testSender(EventService events) {
        return new TestSender(events, store, requests, http, writer, ids, clock);
    }

    @Override
    public void close() {
        retention.close();
        dispatcher.close();
        http.close();
    }
}
