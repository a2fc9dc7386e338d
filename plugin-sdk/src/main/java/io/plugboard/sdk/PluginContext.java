package io.plugboard.sdk;

import io.plugboard.sdk.hooks.Hooks;
import io.plugboard.sdk.settings.PluginSettings;
import io.plugboard.sdk.web.AdminPages;
import io.plugboard.sdk.web.JsonRoutes;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * What the host gives a plugin: its identity, a way to emit events, a logger, hooks, settings, admin
 * pages, JSON routes and scheduled tasks.
 *
 * <p>A plugin receives it through the constructor of {@link PlugboardPlugin}. It stays valid while
 * the plugin is loaded. Register hooks, pages, routes and tasks in {@code start()}: the host removes
 * all of them when the plugin stops, and refuses registrations while the plugin is not running.
 */
public interface PluginContext {

    /** @return the plugin's id, from its {@code Plugin-Id} manifest entry */
    String pluginId();

    /** @return the plugin's version, from its {@code Plugin-Version} manifest entry */
    String pluginVersion();

    /** @return the host's version, e.g. {@code 0.1.0} */
    String hostVersion();

    /** @return the emitter through which the plugin emits events */
    EventEmitter events();

    /** @return a logger named after the plugin ({@code plugboard.plugin.<id>}) */
    Logger logger();

    /** @return the actions and filters, shared with the host and the other plugins */
    Hooks hooks();

    /** @return the plugin's settings */
    PluginSettings settings();

    /** @return where the plugin adds admin pages */
    AdminPages adminPages();

    /** @return where the plugin adds JSON routes under {@code /api/v1/plugins/<id>} */
    JsonRoutes routes();

    /** @return the plugin's recurring background tasks */
    Scheduler scheduler();

    /**
     * The host's database, for the plugin's own tables: those its migrations
     * ({@code plugboard/migrations/V1__….sql} in its jar) created, all named {@code p_<plugin id>_…}.
     * Leave the host's tables alone; they change without notice. Close what you open.
     *
     * @return a pooled data source
     */
    DataSource database();
}
