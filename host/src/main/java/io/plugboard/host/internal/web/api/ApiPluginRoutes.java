package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.contrib.PluginRoutes;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.repository.RepositoryService;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.host.internal.web.http.RouteGroup;

/**
 * {@code /api/v1/plugins}: the plugins themselves, those the repositories offer, their settings, and the
 * JSON routes they add.
 */
public final class ApiPluginRoutes implements RouteGroup {

    private final PluginService plugins;
    private final RepositoryService repository;
    private final SettingsService settings;
    private final PluginRoutes pluginRoutes;
    private final ObjectMapper mapper;
    private final boolean uploadOn;

    /** @param uploadOn whether plugin jars may be uploaded (the upload section is on) */
    public ApiPluginRoutes(PluginService plugins, RepositoryService repository, SettingsService settings,
                           PluginRoutes pluginRoutes, ObjectMapper mapper, boolean uploadOn) {
        this.plugins = plugins;
        this.repository = repository;
        this.settings = settings;
        this.pluginRoutes = pluginRoutes;
        this.mapper = mapper;
        this.uploadOn = uploadOn;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new PluginRepositoryApi(repository, mapper).register(routes); // before /api/v1/plugins/{id}
        new PluginsApi(plugins, mapper, uploadOn).register(routes);
        // Last under /api/v1/plugins: the host's own plugin endpoints must win over the plugins' routes.
        new PluginSettingsApi(settings, mapper).register(routes);
        new PluginRoutesApi(pluginRoutes, mapper).register(routes);
    }
}
