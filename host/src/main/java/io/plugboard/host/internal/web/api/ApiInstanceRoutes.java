package io.plugboard.host.internal.web.api;

import io.javalin.config.RoutesConfig;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.instances.HealthCheck;
import io.plugboard.host.internal.instances.Instances;
import io.plugboard.host.internal.web.http.OpenApiDocument;
import io.plugboard.host.internal.web.http.RouteGroup;

/** {@code /health}, {@code /api/v1/instances} and the API's own description, {@code /api/v1/openapi.json}. */
public final class ApiInstanceRoutes implements RouteGroup {

    private final Instances instances;
    private final HealthCheck health;
    private final String openApi;

    /** @param sections the OpenAPI document leaves out the operations of the sections that are off */
    public ApiInstanceRoutes(Instances instances, HealthCheck health, SectionsConfig sections) {
        this.instances = instances;
        this.health = health;
        this.openApi = OpenApiDocument.text(sections);
    }

    @Override
    public void register(RoutesConfig routes) {
        new HealthApi(health).register(routes);
        new InstancesApi(instances).register(routes);
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }
}
