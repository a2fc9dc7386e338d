package io.plugboard.host.internal.web;

import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import io.javalin.jetty.JettyResourceHandler;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.util.Map;

/**
 * The admin's assets from the class path: {@code /plugboard/static/…} (stylesheet, script) and
 * {@code /webjars/…} (htmx from its jar, pinned in the pom, no CDN). Served by routes of their own, with a
 * resource handler of their own, rather than by the server's static files: mounted in an application's
 * Javalin they are found before Plugboard's catch-all 404 ({@link UnknownPaths}), and they do not depend on
 * the application's static-file setup.
 */
final class StaticAssets implements RouteGroup {

    private final JettyResourceHandler files = new JettyResourceHandler();

    StaticAssets(BasePath base) {
        files.init(CompressionStrategy.NONE);
        files.addStaticFileConfig(config(base.url("/plugboard/static"), "/plugboard/static", Map.of()));
        // What Javalin's enableWebjars() does, under the base path.
        files.addStaticFileConfig(config(base.url("/webjars"), "META-INF/resources/webjars",
                Map.of("Cache-Control", "max-age=31622400")));
    }

    private static StaticFileConfig config(String hostedPath, String directory, Map<String, String> headers) {
        StaticFileConfig config = new StaticFileConfig();
        config.hostedPath = hostedPath;
        config.directory = directory;
        config.location = Location.CLASSPATH;
        if (!headers.isEmpty()) {
            config.headers = headers;
        }
        return config;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/plugboard/static/*", this::serve);
        routes.get("/webjars/*", this::serve);
    }

    private void serve(Context ctx) {
        if (!files.handle(ctx)) {
            throw new NotFoundException("no such file: " + ctx.path());
        }
    }
}
