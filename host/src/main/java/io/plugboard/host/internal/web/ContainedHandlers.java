package io.plugboard.host.internal.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.plugboard.host.internal.web.http.ApiException;
import java.util.function.BooleanSupplier;

/**
 * Mounted in an application's Javalin, each of Plugboard's handlers keeps its answers to itself: the
 * server's exception handlers, {@code error(status)} pages and {@code after} handlers are the
 * application's. So every handler here answers its own exceptions with Plugboard's mapping
 * ({@link ErrorResponses}) and then skips the rest of the request's handlers, which also keeps an
 * application's error page from replacing an error Plugboard answered. Handlers that answer a route enforce
 * the host's request size limit ({@link RequestSizeLimit}); once the host is closed, everything answers 503.
 */
final class ContainedHandlers implements HandlerWrap {

    private final ErrorResponses errors;
    private final RequestSizeLimit sizeLimit;
    private final BooleanSupplier running;

    /** @param running whether the host is running; false after it was closed */
    ContainedHandlers(ErrorResponses errors, RequestSizeLimit sizeLimit, BooleanSupplier running) {
        this.errors = errors;
        this.sizeLimit = sizeLimit;
        this.running = running;
    }

    @Override
    public Handler wrap(HandlerType type, Handler handler) {
        boolean answers = type.isHttpMethod();
        return ctx -> {
            try {
                if (!running.getAsBoolean()) {
                    throw new ApiException(503, "Plugboard is stopped; the application has to start it again");
                }
                if (answers) {
                    sizeLimit.check(ctx);
                }
                handler.handle(ctx);
                if (answers && ctx.statusCode() >= 400) {
                    ctx.skipRemainingHandlers();
                }
            } catch (Exception e) {
                errors.answer(e, ctx);
                ctx.skipRemainingHandlers();
            }
        };
    }
}
