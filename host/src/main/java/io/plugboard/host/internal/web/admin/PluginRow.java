package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.plugins.PluginReport;

/**
 * One row of {@code /admin/plugins}: the plugin (or jar) as the API reports it, and what the page
 * adds for it. Each row carries its own link, so a plugin without settings has none (a map looked
 * up by id in the template answered with the whole map for a missing id).
 *
 * @param settingsLink the plugin's settings page, or null when it declares no settings
 * @param downgrade this row is the lower version written over the plugin's jar, which the admin may apply
 */
record PluginRow(PluginReport plugin, String settingsLink, boolean downgrade) {}
