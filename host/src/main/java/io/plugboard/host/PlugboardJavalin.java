package io.plugboard.host;

import io.javalin.config.JavalinConfig;
import java.util.Objects;

/**
 * Mounts a Plugboard host into the embedding application's own Javalin, instead of a server of its own:
 *
 * <pre>{@code
 * Plugboard host = Plugboard.builder().basePath("/plugboard").mounted().build().start();
 * Javalin app = Javalin.create(config -> {
 *     config.routes.get("/", ctx -> ctx.result("the shop"));
 *     PlugboardJavalin.mount(host, config);
 * }).start(8080);
 * }</pre>
 *
 * <p>Plugboard's routes go under its {@link PlugboardBuilder#basePath base path} and touch nothing else: the
 * application's routes keep its JSON mapper, exception handlers, error pages and headers. Plugboard answers
 * its own errors, and a 404 of its own for any other path under its base path. The server stays the
 * application's: listen address, port, TLS, maximum request size, multipart limits and forwarded-header
 * handling are its settings (Plugboard still refuses bodies over its own {@code maxRequestBytes}).
 * {@link Plugboard#close()} stops Plugboard's services, not the server; its routes then answer 503.
 */
public final class PlugboardJavalin {

    private PlugboardJavalin() {}

    /**
     * Adds the host's routes to the application's Javalin configuration; call it inside
     * {@code Javalin.create(config -> …)}. Routes the application adds under the base path after this are
     * not reached: Plugboard answers every path there.
     *
     * @param host a started host built with {@link PlugboardBuilder#mounted()}
     * @param config the application's Javalin configuration
     * @throws IllegalStateException if the host is not started, not built {@code mounted()}, already mounted,
     *     or closed
     */
    public static void mount(Plugboard host, JavalinConfig config) {
        Objects.requireNonNull(host, "host").mountOn(Objects.requireNonNull(config, "config"));
    }
}
