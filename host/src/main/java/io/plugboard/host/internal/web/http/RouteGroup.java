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

    /**
     * @param on whether the area's section is on
     * @return the group, or one that registers nothing (so the area's paths answer 404) when it is off
     */
    static RouteGroup onlyIf(boolean on, RouteGroup group) {
        return on ? group : routes -> { };
    }
}
