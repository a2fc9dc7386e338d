package io.plugboard.host.internal.web;

import io.javalin.http.Context;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.sdk.hooks.ApiCall;
import io.plugboard.sdk.hooks.CoreHooks;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Tells {@link CoreHooks#API_REQUEST} of every answered {@code /api} request: a {@code before} notes
 * the start (only when a callback listens), an {@code after} fires with the status. Mounted in an
 * application's Javalin, a refused request skips the remaining handlers, so only requests Plugboard
 * answered with a status below 400 reach the {@code after} there.
 */
final class ApiCalls {

    private static final String STARTED = "plugboard.apiStarted";

    private final HookRunner hooks;
    private final BasePath base;

    ApiCalls(HookRunner hooks, BasePath base) {
        this.hooks = hooks;
        this.base = base;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.before("/api/*", ctx -> {
            if (hooks.has(CoreHooks.API_REQUEST)) {
                ctx.attribute(STARTED, System.nanoTime());
            }
        });
        routes.after("/api/*", this::answered);
    }

    private void answered(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null || !hooks.has(CoreHooks.API_REQUEST)) {
            return;
        }
        String kind = ctx.attribute(AccessNames.CALLER_KIND_ATTRIBUTE);
        String path = WebPaths.plugboardPath(base, ctx.path());
        hooks.doAction(CoreHooks.API_REQUEST, new ApiCall(ctx.req().getMethod(), path == null ? ctx.path() : path,
                kind == null ? "anonymous" : kind, ctx.statusCode(), (System.nanoTime() - started) / 1_000_000));
    }
}
