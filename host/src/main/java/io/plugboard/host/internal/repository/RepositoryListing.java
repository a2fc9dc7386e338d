package io.plugboard.host.internal.repository;

import java.util.List;

/**
 * What the configured repositories offer now.
 *
 * @param plugins every plugin offered, by id
 * @param errors the repositories that could not be read, each with why; the others' plugins are listed
 */
public record RepositoryListing(List<AvailablePlugin> plugins, List<RepositoryError> errors) {

    /** A repository that could not be read. */
    public record RepositoryError(String repository, String message) {}

    public RepositoryListing {
        plugins = List.copyOf(plugins);
        errors = List.copyOf(errors);
    }

    /** @return the plugin with this id, or null */
    public AvailablePlugin find(String id) {
        return plugins.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }
}
