package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.repository.PluginHistory;
import java.util.List;

/**
 * One row of {@code /admin/plugins}: the plugin (or jar) as the API reports it, and what the page
 * adds for it. Each row carries its own link, so a plugin without settings has none (a map looked
 * up by id in the template answered with the whole map for a missing id).
 *
 * @param settingsLink the plugin's settings page, or null when it declares no settings
 * @param downgrade this row is the lower version written over the plugin's jar, which the admin may apply
 * @param update the newer compatible release a repository offers, or null
 * @param history the plugin's latest installs, updates and rollbacks through the repositories, newest first
 * @param policy the auto-update policy in force ({@code off}, {@code patch}, {@code minor})
 * @param ownPolicy whether the plugin has its own policy (else it follows the host's default)
 */
record PluginRow(PluginReport plugin, String settingsLink, boolean downgrade, Update update,
                 List<PluginHistory.Entry> history, String policy, boolean ownPolicy) {

    /** *Update to VERSION*, with the release notes as safe HTML (or null when the release has none). */
    record Update(String version, String notesHtml) {}
}
