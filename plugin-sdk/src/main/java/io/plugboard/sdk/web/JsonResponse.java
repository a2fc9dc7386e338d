package io.plugboard.sdk.web;

import io.plugboard.sdk.json.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a JSON route answers: a status, response headers and a JSON document as text. The host sets
 * {@code Content-Type: application/json} and its security headers itself.
 *
 * @param status an HTTP status, 200–599
 * @param json the body, a JSON document
 * @param headers more response headers, by name (compared without case); see {@link #withHeader}
 */
public record JsonResponse(int status, String json, Map<String, String> headers) {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    /** What the host writes itself: the body's framing and type, cookies, and its security headers. */
    private static final Set<String> HOSTS_HEADERS = Set.of("content-type", "content-length", "transfer-encoding",
            "connection", "set-cookie", "content-security-policy", "x-frame-options", "x-content-type-options",
            "referrer-policy", "strict-transport-security", "www-authenticate");

    /** Checks the status and the headers. */
    public JsonResponse {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("a JSON route answers a status from 200 to 599, not " + status);
        }
        if (json == null) {
            throw new IllegalArgumentException("json is required");
        }
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        (headers == null ? Map.<String, String>of() : headers).forEach((name, value) -> copy.put(checkedName(name),
                checkedValue(name, value)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** @param status an HTTP status, 200–599 @param json the body, a JSON document */
    public JsonResponse(int status, String json) {
        this(status, json, Map.of());
    }

    /** @param status an HTTP status, 200–599 @param body the body @return the response */
    public static JsonResponse of(int status, JsonValue body) {
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
        return new JsonResponse(status, body.toJson());
    }

    /** @param body the body @return a 200 response */
    public static JsonResponse ok(JsonValue body) {
        return of(200, body);
    }

    /** @param json the body @return a 200 response */
    public static JsonResponse ok(String json) {
        return new JsonResponse(200, json);
    }

    /**
     * @param name a header name, e.g. {@code Location}, {@code ETag}, {@code Cache-Control}; not one the host
     *             writes itself ({@code Content-Type}, {@code Set-Cookie}, the security headers …)
     * @param value its value (one line)
     * @return a copy with the header set, replacing an earlier value of that name
     * @throws IllegalArgumentException for a malformed name or value, or a header of the host's
     */
    public JsonResponse withHeader(String name, String value) {
        TreeMap<String, String> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        more.putAll(headers);
        more.put(checkedName(name), checkedValue(name, value));
        return new JsonResponse(status, json, more);
    }

    /**
     * @param status a 4xx or 5xx status
     * @param message what went wrong, for the caller
     * @return the response {@code {"error": message}}
     */
    public static JsonResponse error(int status, String message) {
        StringBuilder s = new StringBuilder("{\"error\":\"");
        for (char c : message.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return new JsonResponse(status, s.append("\"}").toString());
    }

    private static String checkedName(String name) {
        if (name == null || !HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a response header's name is a token such as ETag, not " + name);
        }
        if (HOSTS_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the host writes the header " + name + " itself");
        }
        return name;
    }

    private static String checkedValue(String name, String value) {
        if (value == null || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new IllegalArgumentException("the header " + name + " needs a one-line value");
        }
        return value;
    }
}
