package io.plugboard.host.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.BrandingConfig;
import io.plugboard.host.internal.config.WebConfig;
import io.plugboard.host.internal.web.http.JarUpload;
import java.util.List;

/**
 * The host's own HTTP server: the server-wide settings (request size, multipart limits, the proxy's
 * headers, Jetty's error page, the JSON mapper of the embedder's {@code web(...)} routes), then
 * {@link PlugboardRoutes}, then the embedder's customizers. Mounted in an application's Javalin instead
 * ({@link MountPoint}), all of these settings are the application's.
 */
public final class WebServer implements AutoCloseable {

    private final Javalin app;
    private final WebConfig config;
    private final PlugboardRoutes routes;

    /**
     * @param apiMapper the JSON mapper for Jetty's own errors and the embedder's routes
     * @param maxUploadBytes the largest plugin jar an upload may carry
     * @param routes what Plugboard serves
     */
    public WebServer(WebConfig config, ObjectMapper apiMapper, long maxUploadBytes, PlugboardRoutes routes) {
        this.config = config;
        this.routes = routes;
        BasePath base = config.basePath();
        this.app = Javalin.create(javalin -> {
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
            routes.serveOn(javalin);
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
        return routes.routes();
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
