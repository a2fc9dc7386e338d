package io.plugboard.host.internal.repository;

import io.plugboard.repository.PluginListing;
import io.plugboard.repository.Release;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the fetched indexes into what this host may install: per plugin id (the first repository
 * listing it wins) only the releases whose {@code requires} this host satisfies, newest first, with
 * their download URLs made absolute.
 */
final class Offers {

    private final Function<String, String> requiresProblem;

    /** @param requiresProblem why this host cannot run a plugin requiring a range, or null (the plugin loader's check) */
    Offers(Function<String, String> requiresProblem) {
        this.requiresProblem = requiresProblem;
    }

    /** @param installed the version of each installed plugin, by id */
    RepositoryListing of(List<RepositoryIndexes.Fetched> fetched, Map<String, String> installed) {
        Map<String, AvailablePlugin> plugins = new LinkedHashMap<>();
        List<RepositoryListing.RepositoryError> errors = new ArrayList<>();
        for (RepositoryIndexes.Fetched repository : fetched) {
            if (repository.index() == null) {
                errors.add(new RepositoryListing.RepositoryError(repository.url().toString(), repository.error()));
                continue;
            }
            for (PluginListing listing : repository.index().plugins()) {
                plugins.putIfAbsent(listing.id(), available(repository.url(), listing, installed.get(listing.id())));
            }
        }
        List<AvailablePlugin> sorted = new ArrayList<>(plugins.values());
        sorted.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return new RepositoryListing(sorted, errors);
    }

    /** @return the plugin's releases this host can run, newest first */
    List<ChosenRelease> compatible(URI indexUrl, PluginListing listing) {
        List<ChosenRelease> releases = new ArrayList<>();
        for (Release release : listing.releases()) {
            URI url = resolve(indexUrl, release.url());
            if (url != null && Versions.valid(release.version()) && requiresProblem.apply(release.requires()) == null) {
                releases.add(new ChosenRelease(listing.id(), release.version(), url, release.sha512(),
                        release.signature(), release.notes()));
            }
        }
        releases.sort((a, b) -> Versions.NEWEST_FIRST.compare(a.version(), b.version()));
        return releases;
    }

    private AvailablePlugin available(URI indexUrl, PluginListing listing, String installedVersion) {
        List<ChosenRelease> releases = compatible(indexUrl, listing);
        ChosenRelease latest = releases.isEmpty() ? null : releases.get(0);
        boolean update = latest != null && installedVersion != null && Versions.valid(installedVersion)
                && Versions.newer(latest.version(), installedVersion);
        return new AvailablePlugin(listing.id(), nonNull(listing.name(), listing.id()), nonNull(listing.description(), ""),
                nonNull(listing.provider(), ""), listing.homepage(), indexUrl.toString(), latest,
                releases, installedVersion, update);
    }

    /** @return the release's URL made absolute, or null when it is no URL (the release is not offered) */
    private static URI resolve(URI indexUrl, String url) {
        try {
            return indexUrl.resolve(url.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nonNull(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
