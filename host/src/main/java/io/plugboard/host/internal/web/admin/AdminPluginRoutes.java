package io.plugboard.host.internal.web.admin;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.contrib.PluginPages;
import io.plugboard.host.internal.contrib.PluginTemplates;
import io.plugboard.host.internal.instances.Instances;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.repository.RepositoryService;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.nio.file.Path;

/**
 * {@code /admin/plugins}: the plugins (upload, activate, deactivate, uninstall, update from a repository,
 * auto-update) with the instances block, *Add plugin* from the repositories, each plugin's settings, and
 * the pages plugins add.
 */
public final class AdminPluginRoutes implements RouteGroup {

    private final PluginService plugins;
    private final RepositoryService repository;
    private final Path pluginsDir;
    private final SettingsService settings;
    private final Instances instances;
    private final PluginPages pages;
    private final PluginTemplates templates;
    private final AdminView view;
    private final boolean uploadOn;

    /** @param uploadOn whether the upload form and its route are there (the upload section is on) */
    public AdminPluginRoutes(PluginService plugins, RepositoryService repository, Path pluginsDir,
                             SettingsService settings, Instances instances, PluginPages pages, PluginTemplates templates,
                             AdminView view, boolean uploadOn) {
        this.plugins = plugins;
        this.repository = repository;
        this.pluginsDir = pluginsDir;
        this.settings = settings;
        this.instances = instances;
        this.pages = pages;
        this.templates = templates;
        this.view = view;
        this.uploadOn = uploadOn;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        PluginsPage list = new PluginsPage(plugins, repository, pluginsDir, view, settings,
                new InstancesSection(instances));
        routes.get("/admin/plugins", list::show);
        PluginRepositoryPage add = new PluginRepositoryPage(repository, view);
        routes.get("/admin/plugins/new", add::show);
        routes.post("/admin/plugins/install", add::install);
        routes.post("/admin/plugins/{id}/update", list::update);
        routes.post("/admin/plugins/{id}/auto-update", list::autoUpdate);
        if (uploadOn) {
            routes.post("/admin/plugins/upload", list::upload);
        }
        routes.post("/admin/plugins/{id}/activate", list::activate);
        routes.post("/admin/plugins/{id}/deactivate", list::deactivate);
        routes.post("/admin/plugins/{id}/downgrade", list::downgrade);
        routes.get("/admin/plugins/{id}/uninstall", list::confirmUninstall);
        routes.post("/admin/plugins/{id}/uninstall", list::uninstall);
        // After the host's own /admin/plugins/{id}/… routes: the names they use are reserved (PluginPages.RESERVED).
        PluginSettingsPage settingsPage = new PluginSettingsPage(settings, view);
        routes.get("/admin/plugins/{plugin_id}/settings", settingsPage::show);
        routes.post("/admin/plugins/{plugin_id}/settings", settingsPage::save);
        PluginPagesHandler pluginPages = new PluginPagesHandler(pages, templates, view);
        routes.get("/admin/plugins/{plugin_id}/{page}", pluginPages::show);
        routes.post("/admin/plugins/{plugin_id}/{page}", pluginPages::submit);
    }
}
