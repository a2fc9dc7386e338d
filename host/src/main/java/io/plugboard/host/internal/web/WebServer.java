package io.plugboard.host.internal.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.plugboard.host.internal.web.http.JarUpload;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.plugboard.host.internal.web.http.HostServices;
import io.plugboard.host.internal.web.admin.AdminRoutes;
import io.plugboard.host.internal.web.admin.AdminView;
import io.plugboard.host.internal.web.admin.ErrorPage;
import io.plugboard.host.internal.web.admin.Templates;
import io.plugboard.host.internal.web.api.ApiRoutes;

/**
 * The host's HTTP server: the REST API under {@code /api/v1}, the admin under {@code /admin},
 * static assets under {@code /plugboard/static}, and whatever routes the embedding app adds.
 */
public final class WebServer implements AutoCloseable {

    private final Javalin app;
    private final HostServices services;
    private final List<String> routes = new CopyOnWriteArrayList<>();

    public WebServer(HostServices services) {
        this.services = services;
        this.app = Javalin.create(config -> {
            config.events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    routes.add(info.getHttpMethod().name() + " " + info.getPath());
                }
            });
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Its watcher is a non-daemon thread that would outlive close() by five seconds.
            config.startup.startupWatcherEnabled = false;
            config.http.maxRequestSize = services.config().web().maxRequestBytes();
            // Plugin uploads (multipart) have their own limit; parts spill to disk beyond 1 MiB.
            long maxJar = services.plugins().maxUploadBytes();
            config.jetty.multipartConfig.maxFileSize(maxJar, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxJar + JarUpload.OVERHEAD_BYTES, SizeUnit.BYTES);
            if (services.config().web().behindProxy()) {
                config.contextResolver.scheme = ctx -> forwarded(ctx.header("X-Forwarded-Proto"), ctx.req().getScheme());
                config.contextResolver.ip = ctx -> forwarded(ctx.header("X-Forwarded-For"), ctx.req().getRemoteAddr());
                // The site as the client addressed it, for the Origin check and the URLs shown.
                config.contextResolver.host = ctx -> forwarded(ctx.header("X-Forwarded-Host"), ctx.header("Host"));
            }
            // Errors Jetty answers itself (431, 400, 414) get the security headers, and JSON where the host's do.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(services.apiMapper())));
            config.jsonMapper(new JavalinJackson(services.apiMapper(), false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/plugboard/static";
                files.directory = "/plugboard/static";
                files.location = Location.CLASSPATH;
            });
            // /webjars/…: htmx for the admin, from its jar (pinned in the pom, no CDN).
            config.staticFiles.enableWebjars();
            AdminView view = new AdminView(new Templates(services.apiMapper()), services.config().site().name(),
                    services.config().site().hostVersion(),
                    services.guard().relaxedNotice().orElse(null), services.contributions().hooks());
            ErrorResponses.register(config.routes, new ErrorPage(view));
            var web = services.config().web();
            new SecurityHeaders(web.appSecurityHeaders(), web.appContentSecurityPolicy()).register(config.routes);
            new HostCheck(web.allowedHosts(), web.bindHost(), web.behindProxy()).register(config.routes);
            new AccessControl(services.auth(), services.plugins().maxUploadBytes()).register(config.routes);
            new ApiRoutes(services).register(config.routes);
            new InboundEndpoint(services.inbound().receiving()).register(config.routes);
            new InspectEndpoint(services.payloads().inspector()).register(config.routes);
            new AdminRoutes(services, view).register(config.routes);
            services.config().web().customizers().forEach(customizer -> customizer.accept(config));
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
        app.start(services.config().web().bindHost(), services.config().web().port());
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
