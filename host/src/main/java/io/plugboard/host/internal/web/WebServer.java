package io.plugboard.host.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.BrandingConfig;
import io.plugboard.host.internal.config.WebConfig;
import io.plugboard.host.internal.web.admin.ErrorPage;
import io.plugboard.host.internal.web.http.JarUpload;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The host's HTTP server: the REST API under {@code /api/v1}, the admin under {@code /admin},
 * static assets under {@code /plugboard/static} and {@code /webjars}, all of them under the
 * {@link BasePath} if one is set, and whatever routes the embedding app adds. The
 * routes come as {@link RouteGroup}s the wiring built, each with the services it uses, registered through
 * {@link BasePathRoutes}; this class adds only what every request passes through (error mapping, security
 * headers, host and access checks).
 */
public final class WebServer implements AutoCloseable {

    private final Javalin app;
    private final WebConfig config;
    private final List<String> routes = new CopyOnWriteArrayList<>();

    /**
     * @param callers who makes a request: the embedding application's principal or an admin's session
     * @param maxUploadBytes the largest plugin jar an upload may carry
     * @param errorPage how errors look outside the JSON paths
     * @param groups the routes, registered in this order (the API, the public endpoints, then the admin)
     * @param branding where the admin's logo and extra stylesheet come from, for the admin's CSP
     */
    public WebServer(WebConfig config, ObjectMapper apiMapper, AuthServices auth, Callers callers, long maxUploadBytes,
                     ErrorPage errorPage, List<RouteGroup> groups, BrandingConfig branding) {
        this.config = config;
        BasePath base = config.basePath();
        this.app = Javalin.create(javalin -> {
            javalin.events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    String path = base.relative(info.getPath());
                    routes.add(info.getHttpMethod().name() + " " + (path == null ? info.getPath() : path));
                }
            });
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            // Its watcher is a non-daemon thread that would outlive close() by five seconds.
            javalin.startup.startupWatcherEnabled = false;
            javalin.http.maxRequestSize = config.maxRequestBytes();
            // Plugin uploads (multipart) have their own limit; parts spill to disk beyond 1 MiB.
            javalin.jetty.multipartConfig.maxFileSize(maxUploadBytes, SizeUnit.BYTES);
            javalin.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes + JarUpload.OVERHEAD_BYTES, SizeUnit.BYTES);
            if (config.behindProxy()) {
                javalin.contextResolver.scheme = ctx -> forwarded(ctx.header("X-Forwarded-Proto"), ctx.req().getScheme());
                javalin.contextResolver.ip = ctx -> forwarded(ctx.header("X-Forwarded-For"), ctx.req().getRemoteAddr());
                // The site as the client addressed it, for the Origin check and the URLs shown.
                javalin.contextResolver.host = ctx -> forwarded(ctx.header("X-Forwarded-Host"), ctx.header("Host"));
            }
            // Errors Jetty answers itself (431, 400, 414) get the security headers, and JSON where the host's do.
            javalin.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(apiMapper, base)));
            javalin.jsonMapper(new JavalinJackson(apiMapper, false));
            javalin.staticFiles.add(files -> {
                files.hostedPath = base.url("/plugboard/static");
                files.directory = "/plugboard/static";
                files.location = Location.CLASSPATH;
            });
            // /webjars/…: htmx for the admin, from its jar (pinned in the pom, no CDN); what enableWebjars()
            // does, under the base path.
            javalin.staticFiles.add(files -> {
                files.hostedPath = base.url("/webjars");
                files.directory = "META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=31622400");
            });
            ErrorResponses.register(javalin.routes, base, errorPage);
            new SecurityHeaders(base, config.appSecurityHeaders(), config.appContentSecurityPolicy(), branding)
                    .register(javalin.routes);
            BasePathRoutes routes = new BasePathRoutes(javalin.routes, base);
            new HostCheck(config.allowedHosts(), config.bindHost(), config.behindProxy(), base).register(routes);
            new AccessControl(auth, callers, maxUploadBytes, base).register(routes);
            groups.forEach(group -> group.register(routes));
            config.customizers().forEach(customizer -> customizer.accept(javalin));
        });
    }

    /** The first value of a forwarded header (the one the client-facing proxy wrote), else the fallback. */
    private static String forwarded(String header, String fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }

    public void start() {
        app.start(config.bindHost(), config.port());
    }

    /** @return every route, as {@code "METHOD /path/{param}"}, for checking the API description */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** @return the port actually bound (useful when 0 asked for a free one) */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
