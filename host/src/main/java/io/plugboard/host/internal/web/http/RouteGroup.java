package io.plugboard.host.internal.web.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The routes of one area (webhooks, plugins, inbound, …), built by the wiring with exactly the services
 * they use and registered on the server in order; within a group, order matters where paths overlap.
 */
@FunctionalInterface
public interface RouteGroup {

    /** Adds this area's routes. */
    void register(JavalinDefaultRoutingApi routes);
}
