package io.plugboard.sdk.web;

import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonException;
import io.plugboard.sdk.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * A request to one of a plugin's JSON routes: method, path, query, headers, body and {@link #caller()}.
 * The typed query helpers throw {@link IllegalArgumentException} for a bad value, which a handler lets go
 * to answer 400 naming the parameter.
 */
public interface JsonRequest {

    /** @return {@code GET}, {@code POST}, {@code PUT} or {@code DELETE} */
    String method();

    /** @return the path after {@code /api/v1/plugins/<plugin id>}, starting with {@code /} */
    String path();

    /** @param name a {@code {name}} in the route's path @return its value in this request */
    String pathParam(String name);

    /** @param name a query parameter @return its first value, or null */
    String queryParam(String name);

    /**
     * @param name a query parameter
     * @return all its values in order, empty when it is not given (the host gives every value; the default,
     *     for a request made up in a test, gives {@link #queryParam}'s)
     */
    default List<String> queryParams(String name) {
        String value = queryParam(name);
        return value == null ? List.of() : List.of(value);
    }

    /** @param name a header's name, in any case @return its first value, or null */
    default String header(String name) {
        return RequestHeaders.first(headers(), name);
    }

    /**
     * @return every request header by its lower-case name, each with its values in order; the host leaves out
     *     the credentials ({@code Authorization}, {@code Cookie}): {@link #caller()} says who calls
     */
    default Map<String, List<String>> headers() {
        return Map.of();
    }

    /**
     * @return who calls: an API token, an admin account with HTTP Basic, or the application's user
     * @throws UnsupportedOperationException in a request made up in a test that does not say
     */
    default Caller caller() {
        throw new UnsupportedOperationException("this request does not say who calls");
    }

    /** @return the request body as text (JSON for writes), or {@code ""} */
    String body();

    /**
     * @param name a query parameter
     * @param fallback the value when the parameter is missing or blank
     * @return its value as an {@code int}
     * @throws IllegalArgumentException (a 400) if it is not a whole number that fits an {@code int}
     */
    default int intQueryParam(String name, int fallback) {
        return (int) QueryValues.whole(name, queryParam(name), fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * @param name a query parameter
     * @param fallback the value when the parameter is missing or blank
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @return its value, from {@code min} to {@code max}
     * @throws IllegalArgumentException (a 400) if it is not a whole number in that range
     */
    default int intQueryParam(String name, int fallback, int min, int max) {
        return (int) QueryValues.whole(name, queryParam(name), fallback, min, max);
    }

    /**
     * @param name a query parameter
     * @param fallback the value when the parameter is missing or blank
     * @return its value as a {@code long}
     * @throws IllegalArgumentException (a 400) if it is not a whole number that fits a {@code long}
     */
    default long longQueryParam(String name, long fallback) {
        return QueryValues.whole(name, queryParam(name), fallback, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * @param name a query parameter
     * @param fallback the value when the parameter is missing or blank
     * @return true for {@code true}, false for {@code false}
     * @throws IllegalArgumentException (a 400) for any other value
     */
    default boolean booleanQueryParam(String name, boolean fallback) {
        return QueryValues.bool(name, queryParam(name), fallback);
    }

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
