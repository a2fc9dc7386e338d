package io.plugboard.sdk.web;

import io.plugboard.sdk.json.JsonValue;

/**
 * What a JSON route answers: a status and a JSON document as text.
 *
 * @param status an HTTP status, 200–599
 * @param json the body, a JSON document
 */
public record JsonResponse(int status, String json) {

    /** Checks the status. */
    public JsonResponse {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("a JSON route answers a status from 200 to 599, not " + status);
        }
        if (json == null) {
            throw new IllegalArgumentException("json is required");
        }
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
}
