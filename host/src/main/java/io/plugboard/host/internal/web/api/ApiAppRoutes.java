package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.RouteGroup;

/** {@code /api/v1/apps}: the applications (tenants) themselves; their resources are in each area's group. */
public final class ApiAppRoutes implements RouteGroup {

    private final AppScopes scopes;
    private final ObjectMapper mapper;

    public ApiAppRoutes(AppScopes scopes, ObjectMapper mapper) {
        this.scopes = scopes;
        this.mapper = mapper;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new AppsApi(scopes, mapper).register(routes);
    }
}
