package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.payloads.OutboundCatalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.time.Duration;

/** {@code /api/v1/webhooks}: the outbound webhooks, their test sends and secret rotation. */
public final class ApiWebhookRoutes implements RouteGroup {

    private final WebhookService webhooks;
    private final TestSender testSender;
    private final ObjectMapper mapper;
    private final OutboundCatalog catalog;
    private final Duration rotationOverlap;
    private final EventTypeRegistry eventTypes;
    private final AppScopes scopes;

    public ApiWebhookRoutes(WebhookService webhooks, TestSender testSender, ObjectMapper mapper, Duration rotationOverlap,
                            EventTypeRegistry eventTypes, OutboundCatalog catalog, AppScopes scopes) {
        this.scopes = scopes;
        this.catalog = catalog;
        this.webhooks = webhooks;
        this.testSender = testSender;
        this.mapper = mapper;
        this.rotationOverlap = rotationOverlap;
        this.eventTypes = eventTypes;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new WebhooksApi(webhooks, testSender, mapper, rotationOverlap, eventTypes, catalog, scopes).register(routes);
        new OutboundApi(catalog, mapper).register(routes);
    }
}
