package io.plugboard.host.internal.plugins;

import io.plugboard.sdk.Scheduler;
import io.plugboard.sdk.hooks.Hooks;
import io.plugboard.sdk.settings.PluginSettings;
import io.plugboard.sdk.settings.SettingReader;
import io.plugboard.sdk.web.AdminPages;
import io.plugboard.sdk.web.JsonRoutes;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The parts of a plugin's context that other areas of the host provide, each bound to that plugin.
 *
 * @param webhookValues webhook id → the plugin's webhook form field values; null where the host stores none
 */
public record ContextParts(Hooks hooks, PluginSettings settings, AdminPages adminPages, JsonRoutes routes,
                           Scheduler scheduler, DataSource database, Function<String, SettingReader> webhookValues) {

    /** Parts without webhook form field values. */
    public ContextParts(Hooks hooks, PluginSettings settings, AdminPages adminPages, JsonRoutes routes,
                        Scheduler scheduler, DataSource database) {
        this(hooks, settings, adminPages, routes, scheduler, database, null);
    }
}
