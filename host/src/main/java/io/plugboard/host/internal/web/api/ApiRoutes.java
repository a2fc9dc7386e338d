package io.plugboard.host.internal.web.api;

import io.javalin.config.RoutesConfig;
import io.plugboard.host.internal.HostServices;
import java.util.Map;

/** The REST API, version 1: JSON in and out, snake_case fields, lists as {@code {"data", "total"}}. */
public final class ApiRoutes {

    private final HostServices services;

    public ApiRoutes(HostServices services) {
        this.services = services;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApiDocument.text()));
        new EventTypesApi(services.eventTypes()).register(routes);
        new EventsApi(services.events(), services.apiMapper()).register(routes);
        new WebhooksApi(services.webhooks(), services.testSender(), services.apiMapper(),
                services.config().delivery().secretRotationOverlap()).register(routes);
        new PluginsApi(services.plugins()).register(routes);
        new TokensApi(services.auth().tokens(), services.apiMapper()).register(routes);
        new DeliveriesApi(services.deliveries(), services.webhooks(), services.wakeDispatcher(), services.apiMapper(),
                services.clock()).register(routes);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(services.metrics().scrape()));
    }
}
