package io.plugboard.host.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.BrandingConfig;
import io.plugboard.host.internal.config.WebConfig;
import io.plugboard.host.internal.web.admin.ErrorPage;
import io.plugboard.host.internal.web.http.RouteGroup;
import io.plugboard.host.internal.hooks.HookRunner;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Everything Plugboard serves, registered on a Javalin configuration: the admin's assets, the host and
 * access checks, then the {@link RouteGroup}s the wiring built (the API's, the public endpoints, the
 * admin's), all through {@link BasePathRoutes}. The one registration both ways of serving share: on the
 * host's own server ({@link WebServer}, with the server's exception handlers and security headers on every
 * path) and mounted in an application's Javalin ({@link MountPoint}, where each handler answers its own
 * errors and Plugboard touches nothing outside its base path).
 */
public final class PlugboardRoutes {

    private final WebConfig config;
    private final AuthServices auth;
    private final Callers callers;
    private final long maxUploadBytes;
    private final ErrorResponses errors;
    private final List<RouteGroup> groups;
    private final BrandingConfig branding;
    private final HookRunner hooks;
    private volatile BasePathRoutes registered;

    /**
     * @param apiMapper how JSON answers, errors included, are written
     * @param callers who makes a request: the embedding application's principal or an admin's session
     * @param maxUploadBytes the largest plugin jar an upload may carry
     * @param errorPage how errors look outside the JSON paths
     * @param groups the routes, registered in this order (the API, the public endpoints, then the admin)
     * @param branding where the admin's logo and extra stylesheet come from, for the admin's CSP
     * @param hooks fires {@code api_request} after each API answer
     */
    public PlugboardRoutes(WebConfig config, ObjectMapper apiMapper, AuthServices auth, Callers callers,
                           long maxUploadBytes, ErrorPage errorPage, List<RouteGroup> groups, BrandingConfig branding,
                           HookRunner hooks) {
        this.hooks = hooks;
        this.config = config;
        this.auth = auth;
        this.callers = callers;
        this.maxUploadBytes = maxUploadBytes;
        this.errors = new ErrorResponses(config.basePath(), errorPage, apiMapper);
        this.groups = List.copyOf(groups);
        this.branding = branding;
    }

    /** On the host's own server: its exception handlers and security headers are Plugboard's. */
    void serveOn(JavalinConfig javalin) {
        errors.register(javalin.routes);
        new SecurityHeaders(config.basePath(), config.appSecurityHeaders(), config.appContentSecurityPolicy(), branding)
                .register(javalin.routes);
        register(new BasePathRoutes(javalin.routes, config.basePath(), HandlerWrap.NONE), config.bindHost());
    }

    /**
     * Into an application's Javalin: only routes under the base path, each answering its own errors, and a
     * 404 of Plugboard's for the rest of the base path.
     *
     * @param running whether the host runs; its routes answer 503 once it is closed
     */
    void mountOn(JavalinConfig javalin, BooleanSupplier running) {
        BasePath base = config.basePath();
        BasePathRoutes routes = new BasePathRoutes(javalin.routes, base,
                new ContainedHandlers(errors, new RequestSizeLimit(config.maxRequestBytes(), base), running));
        // Registered under the base path only, where every path is Plugboard's: the strict set on all of them.
        new SecurityHeaders(base, true, null, branding).register(routes);
        // The application's listen address as far as it is configured now; null listens on every address.
        register(routes, javalin.jetty.host == null ? "0.0.0.0" : javalin.jetty.host);
        new UnknownPaths().register(routes);
    }

    private void register(BasePathRoutes routes, String listenAddress) {
        if (registered != null) {
            throw new IllegalStateException("Plugboard's routes are registered already; mount a host once");
        }
        registered = routes;
        BasePath base = config.basePath();
        new StaticAssets(base).register(routes);
        new HostCheck(config.allowedHosts(), listenAddress, config.behindProxy(), base).register(routes);
        new ApiCalls(hooks, base).register(routes); // before the access checks, so refusals are timed too
        new AccessControl(auth, callers, maxUploadBytes, base).register(routes);
        groups.forEach(group -> group.register(routes));
    }

    /** @return every route, as {@code "METHOD /path/{param}"} (Plugboard-relative), for checking the API description */
    public List<String> routes() {
        BasePathRoutes routes = registered;
        return routes == null ? List.of() : routes.routes();
    }
}
