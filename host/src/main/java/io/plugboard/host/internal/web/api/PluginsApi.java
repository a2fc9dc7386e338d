package io.plugboard.host.internal.web.api;

import io.javalin.config.RoutesConfig;
import io.plugboard.host.internal.plugins.PluginService;

/** {@code GET /api/v1/plugins}: every plugin with its state and, when it is not running, why. */
final class PluginsApi {

    private final PluginService plugins;

    PluginsApi(PluginService plugins) {
        this.plugins = plugins;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/plugins", ctx -> ctx.json(ListJson.of(plugins.reports())));
    }
}
