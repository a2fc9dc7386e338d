package io.plugboard.host.internal.web;

import io.plugboard.host.internal.auth.AccountChanges;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.web.admin.ErrorPage;
import io.plugboard.host.internal.web.http.ApiException;
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

    static void register(RoutesConfig routes, ErrorPage page) {
        routes.exception(ValidationException.class, (e, ctx) ->
                respond(ctx, page, 400, e.getMessage(), e.fieldErrors()));
        routes.exception(InvalidEventException.class, (e, ctx) ->
                respond(ctx, page, 400, e.getMessage(), e.problems()));
        routes.exception(AccountChanges.Refused.class, (e, ctx) -> respond(ctx, page, 409, e.getMessage(), null));
        routes.exception(AccountChanges.LockedOut.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.waitFor().toSeconds())));
            respond(ctx, page, 429, e.getMessage(), null);
        });
        routes.exception(NotFoundException.class, (e, ctx) -> respond(ctx, page, 404, e.getMessage(), null));
        routes.exception(ConflictException.class, (e, ctx) -> respond(ctx, page, 409, e.getMessage(), null));
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, page, e.status(), e.getMessage(), e.details()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, page, e.getStatus(), e.getMessage(), null));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, page, 500, "internal error; the server log has the details", null);
        });
    }

    private static void respond(Context ctx, ErrorPage page, int status, String message, Object details) {
        ctx.status(status);
        if (status == 413) {
            // The body may be partly unread: the client must not send its next request on this connection.
            ctx.header("Connection", "close");
        }
        if (WebPaths.answersJson(ctx.path())) {
            ctx.json(details == null ? Map.of("error", message) : Map.of("error", message, "details", details));
        } else {
            page.render(ctx, status, message, details);
        }
    }
}
