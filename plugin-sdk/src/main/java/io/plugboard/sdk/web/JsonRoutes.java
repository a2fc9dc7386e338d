package io.plugboard.sdk.web;

import io.plugboard.sdk.Registration;

/**
 * Where a plugin adds JSON routes, under {@code /api/v1/plugins/<plugin id>}, behind the API's
 * authentication. A path is {@code /}-separated; a part written {@code {name}} matches any one part
 * ({@link JsonRequest#pathParam}). The first part may not be {@code settings}, {@code activate} or
 * {@code deactivate}, which are the host's. A {@link RouteSpec} may also say who may call the route.
 */
public interface JsonRoutes {

    /**
     * @param route the method, the path and who may call it, e.g. {@code RouteSpec.post("/refunds").scope("admin")}
     * @param handler answers the requests the route lets through
     * @return the handle that removes the route
     * @throws IllegalArgumentException for an unknown method or scope, a malformed or reserved path
     */
    Registration add(RouteSpec route, JsonHandler handler);

    /**
     * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
     * @param path e.g. {@code /summary} or {@code /items/{id}}
     * @param handler answers the requests
     * @return the handle that removes the route
     * @throws IllegalArgumentException for an unknown method, a malformed or reserved path
     */
    default Registration add(String method, String path, JsonHandler handler) {
        if (method == null) {
            throw new IllegalArgumentException("a JSON route's method is GET, POST, PUT or DELETE, not null");
        }
        return add(RouteSpec.of(method, path), handler);
    }

    /** @param path the route's path @param handler answers @return the handle that removes the route */
    default Registration get(String path, JsonHandler handler) {
        return add(RouteSpec.get(path), handler);
    }

    /** @param path the route's path @param handler answers @return the handle that removes the route */
    default Registration post(String path, JsonHandler handler) {
        return add(RouteSpec.post(path), handler);
    }

    /** @param path the route's path @param handler answers @return the handle that removes the route */
    default Registration put(String path, JsonHandler handler) {
        return add(RouteSpec.put(path), handler);
    }

    /** @param path the route's path @param handler answers @return the handle that removes the route */
    default Registration delete(String path, JsonHandler handler) {
        return add(RouteSpec.delete(path), handler);
    }
}
