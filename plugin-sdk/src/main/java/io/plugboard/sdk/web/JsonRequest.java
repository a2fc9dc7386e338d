package io.plugboard.sdk.web;

import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonException;
import io.plugboard.sdk.json.JsonValue;

/** A request to one of a plugin's JSON routes. */
public interface JsonRequest {

    /** @return {@code GET}, {@code POST}, {@code PUT} or {@code DELETE} */
    String method();

    /** @return the path after {@code /api/v1/plugins/<plugin id>}, starting with {@code /} */
    String path();

    /** @param name a {@code {name}} in the route's path @return its value in this request */
    String pathParam(String name);

    /** @param name a query parameter @return its first value, or null */
    String queryParam(String name);

    /** @return the request body as text (JSON for writes), or {@code ""} */
    String body();

    /**
     * The body read as JSON. A handler that lets the {@link JsonException} go answers 400 with its
     * one-line message.
     *
     * @return the body as a JSON value
     * @throws JsonException if the body is empty or not valid JSON
     */
    default JsonValue json() {
        return Json.parse(body());
    }
}
