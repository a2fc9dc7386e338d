package io.plugboard.host.internal.repository;

import io.plugboard.host.internal.common.InputException;
import io.plugboard.host.internal.plugins.PluginReport;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auto-update's pass: every installed plugin whose policy allows it moves to the newest release
 * its policy allows (a patch, or a minor release too; never a new major version). A release that is
 * refused or rolled back is recorded in the plugin's history and not tried again until a newer one appears.
 */
final class AutoUpdater {

    private static final Logger log = LoggerFactory.getLogger(AutoUpdater.class);
    static final String ACTOR = "auto-update";

    /** Installs a release (the service's install: this instance, then every instance). */
    interface Apply {
        PluginReport apply(ChosenRelease release, String installedVersion, String actor);
    }

    /** The sha512 of the release that failed, by plugin id. */
    private final Map<String, String> failed = new java.util.HashMap<>();

    void pass(RepositoryListing listing, Map<String, UpdatePolicy> own, UpdatePolicy defaultPolicy, Apply apply) {
        for (AvailablePlugin plugin : listing.plugins()) {
            String installed = plugin.installedVersion();
            UpdatePolicy policy = own.getOrDefault(plugin.id(), defaultPolicy);
            if (installed == null || policy == UpdatePolicy.OFF || !Versions.valid(installed)) {
                continue;
            }
            ChosenRelease release = plugin.releases().stream()
                    .filter(r -> Versions.newer(r.version(), installed) && policy.allows(installed, r.version()))
                    .findFirst().orElse(null);
            if (release == null || release.sha512().equals(failed.get(plugin.id()))) {
                continue;
            }
            log.info("Auto-update ({}): plugin '{}' {} → {}", policy.key(), plugin.id(), installed, release.version());
            try {
                apply.apply(release, installed, ACTOR);
            } catch (InputException e) {
                failed.put(plugin.id(), release.sha512());
            }
        }
    }
}
