package io.plugboard.host.internal.web.api;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;

/** Typed query parameters that answer 400 with the parameter's name when malformed. */
final class QueryParams {

    private QueryParams() {}

    static Boolean bool(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        return switch (v.strip().toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ValidationException.of(name, name + " must be true or false");
        };
    }

    static int integer(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw ValidationException.of(name, name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ValidationException.of(name, name + " must be a whole number");
        }
    }
}
