package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.instances.HealthCheck;
import io.plugboard.host.internal.instances.Instances;
import io.plugboard.host.internal.web.http.OpenApiDocument;
import io.plugboard.host.internal.web.http.RouteGroup;
import io.plugboard.host.internal.web.http.SiteUrls;

/** {@code /health}, {@code /api/v1/instances} and the API's own description, {@code /api/v1/openapi.json}. */
public final class ApiInstanceRoutes implements RouteGroup {

    private final Instances instances;
    private final HealthCheck health;
    private final ObjectMapper mapper;
    private final BasePath base;
    private final String openApi;

    /**
     * @param base where the API is, for the description's {@code servers} entry
     * @param sections the OpenAPI document leaves out the operations of the sections that are off
     */
    public ApiInstanceRoutes(Instances instances, HealthCheck health, ObjectMapper mapper, BasePath base,
                             SectionsConfig sections) {
        this.instances = instances;
        this.health = health;
        this.mapper = mapper;
        this.base = base;
        this.openApi = OpenApiDocument.text(sections);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new HealthApi(health, mapper).register(routes);
        new InstancesApi(instances, mapper).register(routes);
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json")
                .result(OpenApiDocument.withServer(mapper, openApi, SiteUrls.absolute(ctx, base, ""))));
    }
}
