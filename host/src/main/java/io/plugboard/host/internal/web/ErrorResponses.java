package io.plugboard.host.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.plugboard.host.internal.common.InputException;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.web.admin.ErrorPage;
import io.plugboard.host.internal.web.http.JsonBody;
import io.plugboard.sdk.InvalidEventException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into responses: JSON {@code {"error", "details"}} where {@link WebPaths#answersJson} says
 * so (the API, {@code /metrics}, {@code /health}, {@code /hooks}, {@code /inspect}), an HTML page elsewhere. Bad
 * input is a 4xx that says what to fix; an unexpected failure is a 500 without internals. On the host's own
 * server these are the server's exception handlers; mounted in an application's Javalin, whose exception
 * handlers are the application's, {@link ContainedHandlers} calls {@link #answer} from inside each handler.
 */
final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final BasePath base;
    private final ErrorPage page;
    private final ObjectMapper mapper;

    ErrorResponses(BasePath base, ErrorPage page, ObjectMapper mapper) {
        this.base = base;
        this.page = page;
        this.mapper = mapper;
    }

    /** Makes these the server's exception handlers (the host's own server only). */
    void register(RoutesConfig routes) {
        routes.exception(Exception.class, this::answer);
        // Javalin answers its own exceptions itself unless a handler names their class.
        routes.exception(HttpResponseException.class, this::answer);
    }

    /** Answers the request with what {@code e} means. */
    void answer(Exception e, Context ctx) {
        // The whole family of refusals (validation, not found, conflict, the web layer's own, …): each says
        // its status, details and headers, so a new kind needs no line here.
        if (e instanceof InputException refusal) {
            refusal.headers().forEach(ctx::header);
            respond(ctx, refusal.status(), refusal.getMessage(), refusal.details());
        } else if (e instanceof InvalidEventException invalid) {
            // The SDK's refusal of event data; the SDK cannot extend the host's family.
            respond(ctx, 400, invalid.getMessage(), invalid.problems());
        } else if (e instanceof HttpResponseException javalin) {
            respond(ctx, javalin.getStatus(), javalin.getMessage(), null);
        } else {
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "internal error; the server log has the details", null);
        }
    }

    private void respond(Context ctx, int status, String message, Object details) {
        ctx.status(status);
        if (status == 413) {
            // The body may be partly unread: the client must not send its next request on this connection.
            ctx.header("Connection", "close");
        }
        if (WebPaths.answersJson(base, ctx.path())) {
            JsonBody.send(ctx, mapper, details == null ? Map.of("error", message) : Map.of("error", message, "details", details));
        } else {
            page.render(ctx, status, message, details);
        }
    }
}
