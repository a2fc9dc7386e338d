package io.plugboard.repository;

import java.util.List;
import java.util.Optional;

/**
 * One plugin a repository offers.
 *
 * @param id the plugin's id ({@code Plugin-Id})
 * @param name a name for people (the id when the jar gives none)
 * @param description one or two sentences ({@code Plugin-Description})
 * @param provider who publishes it ({@code Plugin-Provider})
 * @param homepage where to read more, or null
 * @param releases every release, newest version first
 */
public record PluginListing(String id, String name, String description, String provider, String homepage,
                            List<Release> releases) {

    public PluginListing {
        releases = releases == null ? List.of() : List.copyOf(releases);
    }

    /** @return the release of exactly this version, if listed */
    public Optional<Release> release(String version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }
}
