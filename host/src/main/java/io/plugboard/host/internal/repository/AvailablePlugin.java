package io.plugboard.host.internal.repository;

import java.util.List;

/**
 * A plugin the repositories offer, as the API and the *Add plugin* page show it.
 *
 * @param repository the {@code plugins.json} it is listed in (the first repository listing it wins)
 * @param latest the newest release this host can run, or null when none is compatible
 * @param releases every release this host can run, newest first
 * @param installedVersion the version installed here, or null
 * @param updateAvailable whether {@code latest} is newer than the installed version
 */
public record AvailablePlugin(String id, String name, String description, String provider, String homepage,
                              String repository, ChosenRelease latest, List<ChosenRelease> releases,
                              String installedVersion, boolean updateAvailable) {

    public AvailablePlugin {
        releases = List.copyOf(releases);
    }

    /** @return the versions this host can run, newest first */
    public List<String> versions() {
        return releases.stream().map(ChosenRelease::version).toList();
    }

    /** @return true if the id, name, description or provider contains every word of the query (any case) */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String text = String.join(" ", id, name, description, provider).toLowerCase();
        for (String word : query.toLowerCase().split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
