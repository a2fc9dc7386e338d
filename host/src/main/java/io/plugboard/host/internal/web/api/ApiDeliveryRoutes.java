package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.delivery.DeliveryMetrics;
import io.plugboard.host.internal.delivery.DeliveryReplays;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.time.Clock;

/** The delivery log (deliveries, redeliver, recover, bulk replay, stats) and the Prometheus {@code /metrics}. */
public final class ApiDeliveryRoutes implements RouteGroup {

    private final DeliveryStore deliveries;
    private final DeliveryReplays replays;
    private final WebhookService webhooks;
    private final Runnable wakeDispatcher;
    private final DeliveryMetrics metrics;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AppScopes scopes;

    /** @param scopes which application a request acts on: every route but {@code /metrics} is per application */
    public ApiDeliveryRoutes(DeliveryStore deliveries, DeliveryReplays replays, WebhookService webhooks,
                             Runnable wakeDispatcher, DeliveryMetrics metrics, ObjectMapper mapper, Clock clock,
                             AppScopes scopes) {
        this.scopes = scopes;
        this.deliveries = deliveries;
        this.replays = replays;
        this.webhooks = webhooks;
        this.wakeDispatcher = wakeDispatcher;
        this.metrics = metrics;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        // The replay's paths first: /api/v1/deliveries/replay is not the delivery with the id "replay".
        new DeliveryReplaysApi(replays, mapper, scopes).register(routes);
        new DeliveriesApi(deliveries, webhooks, wakeDispatcher, mapper, clock, scopes).register(routes);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
    }
}
