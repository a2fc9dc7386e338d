package io.plugboard.host.internal.web;

import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;
import io.plugboard.host.internal.config.BasePath;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where the host's route groups register: they speak Plugboard-relative paths ({@code /admin/webhooks}),
 * and this puts each route under the {@link BasePath}. The handlers speak the same paths in their answers, so
 * a root-relative {@code Location} or {@code HX-Redirect} a handler sets (a redirect to {@code /admin/login},
 * the {@code Location} of a created resource) gets the base path here too: one place, not every redirect.
 * Exception and error handlers are the server's, not a route's: they are not taken here. Each handler also
 * gets the {@link HandlerWrap} (mounted in an application's Javalin, {@link ContainedHandlers}), and each
 * route is recorded, Plugboard-relative, for {@link #routes()}.
 */
final class BasePathRoutes implements JavalinDefaultRoutingApi {

    private static final String[] PATH_HEADERS = {"Location", "HX-Redirect"};

    private final JavalinDefaultRoutingApi routes;
    private final BasePath base;
    private final HandlerWrap wrap;
    private final List<String> added = new CopyOnWriteArrayList<>();

    BasePathRoutes(JavalinDefaultRoutingApi routes, BasePath base, HandlerWrap wrap) {
        this.routes = routes;
        this.base = base;
        this.wrap = wrap;
    }

    @Override
    public JavalinDefaultRoutingApi addEndpoint(Endpoint endpoint) {
        if (endpoint.method.isHttpMethod()) {
            added.add(endpoint.method.name() + " " + endpoint.path);
        }
        Handler handler = wrap.wrap(endpoint.method, endpoint.handler);
        routes.addEndpoint(new Endpoint(endpoint.method, path(endpoint.path),
                base.isRoot() ? handler : prefixingAnswers(handler)));
        return this;
    }

    /** @return every route added here, as {@code "METHOD /path/{param}"}, Plugboard-relative */
    List<String> routes() {
        return List.copyOf(added);
    }

    /** {@code *} (every path) becomes every path under the base. */
    private String path(String path) {
        return path.equals("*") ? base.value() + "*" : base.url(path);
    }

    private Handler prefixingAnswers(Handler handler) {
        return ctx -> {
            String[] before = headers(ctx);
            try {
                handler.handle(ctx);
            } finally {
                for (int i = 0; i < PATH_HEADERS.length; i++) {
                    String value = ctx.res().getHeader(PATH_HEADERS[i]);
                    // Only what this handler set: a header set by an earlier handler has its base path already.
                    if (value != null && !value.equals(before[i]) && value.startsWith("/") && !value.startsWith("//")) {
                        ctx.res().setHeader(PATH_HEADERS[i], base.url(value));
                    }
                }
            }
        };
    }

    private static String[] headers(Context ctx) {
        String[] values = new String[PATH_HEADERS.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = ctx.res().getHeader(PATH_HEADERS[i]);
        }
        return values;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi exception(Class<E> type, ExceptionHandler<? super E> handler) {
        throw new UnsupportedOperationException("exception handlers belong to the server, not to a route group");
    }

    @Override
    public JavalinDefaultRoutingApi error(int status, String contentType, Handler handler) {
        throw new UnsupportedOperationException("error handlers belong to the server, not to a route group");
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi wsException(Class<E> type, WsExceptionHandler<? super E> handler) {
        throw new UnsupportedOperationException("the host has no WebSocket routes");
    }

    @Override
    public JavalinDefaultRoutingApi addWsHandler(WsHandlerType type, String path, Consumer<WsConfig> config,
                                                 RouteRole... roles) {
        throw new UnsupportedOperationException("the host has no WebSocket routes");
    }
}
