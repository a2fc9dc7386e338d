package io.plugboard.host.internal.contrib;

import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.settings.SettingsService;

/** What the web layer needs to serve what plugins contributed: hooks, settings, pages, templates, routes. */
public record Contributions(HookRunner hooks, SettingsService settings, PluginPages pages, PluginTemplates templates,
                            PluginRoutes routes) {}
