package io.plugboard.host.internal.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.util.List;

/**
 * Plugboard's own 404 for every other path under the base path, registered last when mounted in an
 * application's Javalin: the application's 404 page is the application's, and a client of the API under
 * the base path expects the API's JSON error (an admin, the admin's error page). The host's own server
 * needs none: there the server's 404 is already Plugboard's.
 */
final class UnknownPaths implements RouteGroup {

    private static final List<HandlerType> METHODS =
            List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        for (HandlerType method : METHODS) {
            routes.addEndpoint(new Endpoint(method, "/", UnknownPaths::refuse));
            routes.addEndpoint(new Endpoint(method, "/*", UnknownPaths::refuse));
        }
    }

    private static void refuse(Context ctx) {
        throw new NotFoundException("nothing here: " + ctx.method() + " " + ctx.path() + " is not a page or an API path");
    }
}
