package io.plugboard.host.internal.plugins;

import io.plugboard.sdk.Scheduler;
import io.plugboard.sdk.hooks.Hooks;
import io.plugboard.sdk.settings.PluginSettings;
import io.plugboard.sdk.web.AdminPages;
import io.plugboard.sdk.web.JsonRoutes;
import javax.sql.DataSource;

/** The parts of a plugin's context that other areas of the host provide, each bound to that plugin. */
public record ContextParts(Hooks hooks, PluginSettings settings, AdminPages adminPages, JsonRoutes routes,
                           Scheduler scheduler, DataSource database) {}
