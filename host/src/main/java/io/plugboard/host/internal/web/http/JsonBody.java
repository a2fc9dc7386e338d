package io.plugboard.host.internal.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * How the host answers with JSON: written with the host's own {@link ObjectMapper}, not with the server's
 * JSON mapper, so that the answers are the same on the host's own server and mounted in an application's
 * Javalin, whose mapper (naming, dates, modules) belongs to the application. Use this instead of
 * {@code JsonBody.send(ctx, mapper, …)}.
 */
public final class JsonBody {

    private JsonBody() {}

    /**
     * Sets the result to {@code value} as JSON, with {@code Content-Type: application/json}.
     *
     * @param ctx the request, with the status and headers already set
     * @param mapper the host's API mapper
     * @param value what to write
     */
    public static void send(Context ctx, ObjectMapper mapper, Object value) {
        String json;
        try {
            json = mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write the answer as JSON", e);
        }
        ctx.contentType("application/json").result(json);
    }
}
