package io.plugboard.host.internal.config;

import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the web server listens and what it adds to every answer.
 *
 * @param bindHost the address to listen on
 * @param port the TCP port; 0 picks a free one
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * @param behindProxy whether {@code X-Forwarded-*} headers from a reverse proxy are trusted
 * @param appSecurityHeaders whether the embedding application's own pages get the security headers too
 * @param appContentSecurityPolicy the Content-Security-Policy for the application's pages, or null for the admin's
 * @param allowedHosts the names {@code /admin} and {@code /api} answer to, besides the defaults
 * @param customizers the embedder's additions to the Javalin configuration, applied in order
 * @param basePath the path Plugboard's routes are under ({@link BasePath#ROOT} for none)
 * @param mounted whether the routes go into the embedding application's Javalin instead of a server of the
 *     host's own; then {@code bindHost}, {@code port} and {@code customizers} are not used
 */
public record WebConfig(String bindHost, int port, long maxRequestBytes, boolean behindProxy,
                        boolean appSecurityHeaders, String appContentSecurityPolicy, AllowedHosts allowedHosts,
                        List<Consumer<JavalinConfig>> customizers, BasePath basePath, boolean mounted) {

    public WebConfig {
        allowedHosts = allowedHosts == null ? AllowedHosts.defaults() : allowedHosts;
        customizers = List.copyOf(customizers);
        basePath = basePath == null ? BasePath.ROOT : basePath;
    }
}
