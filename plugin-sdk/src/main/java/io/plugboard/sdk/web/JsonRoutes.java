package io.plugboard.sdk.web;

import io.plugboard.sdk.Registration;

/**
 * Where a plugin adds JSON routes, under {@code /api/v1/plugins/<plugin id>}, behind the API's
 * authentication. A path is {@code /}-separated; a part written {@code {name}} matches any one part
 * ({@link JsonRequest#pathParam}). The first part may not be {@code settings}, {@code activate} or
 * {@code deactivate}, which are the host's.
 */
public interface JsonRoutes {

    /**
     * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
     * @param path e.g. {@code /summary} or {@code /items/{id}}
     * @param handler answers the requests
     * @return the handle that removes the route
     * @throws IllegalArgumentException for an unknown method, a malformed or reserved path
     */
    Registration add(String method, String path, JsonHandler handler);

    /** @param path the route's path @param handler answers @return the handle that removes the route */
    default Registration get(String path, JsonHandler handler) {
        return add("GET", path, handler);
    }

    /** @param path the route's path @param handler answers @return the handle that removes the route */
    default Registration post(String path, JsonHandler handler) {
        return add("POST", path, handler);
    }
}
