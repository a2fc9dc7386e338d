package io.plugboard.host.internal.web.api;

import io.javalin.config.RoutesConfig;
import io.plugboard.host.internal.web.http.HostServices;
import io.plugboard.host.internal.web.http.OpenApiDocument;

/** The REST API, version 1: JSON in and out, snake_case fields, lists as {@code {"data", "total"}}. */
public final class ApiRoutes {

    private final HostServices services;

    public ApiRoutes(HostServices services) {
        this.services = services;
    }

    public void register(RoutesConfig routes) {
        new HealthApi(services.instances()).register(routes);
        new InstancesApi(services.instances()).register(routes);
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApiDocument.text()));
        new EventTypesApi(services.eventTypes()).register(routes);
        new EventsApi(services.events(), services.apiMapper()).register(routes);
        new WebhooksApi(services.webhooks(), services.testSender(), services.apiMapper(),
                services.config().delivery().secretRotationOverlap(), services.eventTypes()).register(routes);
        new PreviewApi(services.payloads(), services.webhooks(), services.apiMapper()).register(routes);
        new SecretsApi(services.payloads().secrets(), services.apiMapper()).register(routes);
        new InspectorApi(services.payloads().inspector(), services.webhooks(), services.apiMapper()).register(routes);
        new PluginsApi(services.plugins()).register(routes);
        new ReceiversApi(services.inbound().webhooks().receivers()).register(routes);
        new InboundWebhooksApi(services.inbound().webhooks(), services.apiMapper()).register(routes);
        new ReceivedEventsApi(services.inbound().received()).register(routes);
        new TokensApi(services.auth().tokens(), services.apiMapper()).register(routes);
        new AdminsApi(services.auth().users(), services.auth().accounts(), services.apiMapper()).register(routes);
        new DeliveriesApi(services.deliveries(), services.webhooks(), services.wakeDispatcher(), services.apiMapper(),
                services.clock()).register(routes);
        // Last under /api/v1/plugins: the host's own plugin endpoints must win over the plugins' routes.
        new PluginSettingsApi(services.contributions().settings(), services.apiMapper()).register(routes);
        new PluginRoutesApi(services.contributions().routes(), services.apiMapper()).register(routes);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(services.metrics().scrape()));
    }
}
