package io.plugboard.host.internal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.plugboard.host.internal.common.InputException;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.web.admin.ErrorPage;
import io.plugboard.sdk.InvalidEventException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into responses: JSON {@code {"error", "details"}} where {@link WebPaths#answersJson} says
 * so (the API, {@code /metrics}, {@code /health}, {@code /hooks}, {@code /inspect}), an HTML page elsewhere. Bad input is a 4xx that says what to fix; an unexpected failure is a 500 without internals.
 */
final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    static void register(RoutesConfig routes, BasePath base, ErrorPage page) {
        // The whole family of refusals (validation, not found, conflict, the web layer's own, …): each says
        // its status, details and headers, so a new kind needs no line here.
        routes.exception(InputException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            respond(ctx, base, page, e.status(), e.getMessage(), e.details());
        });
        // The SDK's refusal of event data; the SDK cannot extend the host's family.
        routes.exception(InvalidEventException.class, (e, ctx) ->
                respond(ctx, base, page, 400, e.getMessage(), e.problems()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, base, page, e.getStatus(), e.getMessage(), null));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, base, page, 500, "internal error; the server log has the details", null);
        });
    }

    private static void respond(Context ctx, BasePath base, ErrorPage page, int status, String message, Object details) {
        ctx.status(status);
        if (status == 413) {
            // The body may be partly unread: the client must not send its next request on this connection.
            ctx.header("Connection", "close");
        }
        if (WebPaths.answersJson(base, ctx.path())) {
            ctx.json(details == null ? Map.of("error", message) : Map.of("error", message, "details", details));
        } else {
            page.render(ctx, status, message, details);
        }
    }
}
