package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.repository.AvailablePlugin;
import io.plugboard.host.internal.repository.ChosenRelease;
import io.plugboard.host.internal.repository.RepositoryListing;
import java.util.List;

/** {@code GET /api/v1/plugin-repository}: the plugins offered, and the repositories that could not be read. */
record RepositoryJson(List<Plugin> plugins, List<RepositoryListing.RepositoryError> errors) {

    /** One plugin offered; {@code latest_version} is null when no release runs on this host. */
    record Plugin(String id, String name, String description, String provider, String homepage, String repository,
                  String latestVersion, List<String> versions, String installedVersion, boolean updateAvailable,
                  Release latest) {

        static Plugin of(AvailablePlugin p) {
            ChosenRelease latest = p.latest();
            return new Plugin(p.id(), p.name(), p.description(), p.provider(), p.homepage(), p.repository(),
                    latest == null ? null : latest.version(), p.versions(), p.installedVersion(), p.updateAvailable(),
                    latest == null ? null : new Release(latest.version(), latest.url().toString(), latest.sha512(),
                            latest.signature() == null ? null : latest.signature().keyId(), latest.notes()));
        }
    }

    /** The newest release this host can run: where it is, its checksum, who signed it (key id, or null), what changed. */
    record Release(String version, String url, String sha512, String signedByKey, String notes) {}
}
