package io.plugboard.host.internal.repository;

import io.plugboard.repository.IndexFormat;
import io.plugboard.repository.InvalidIndexException;
import io.plugboard.repository.PluginIndex;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured repositories' indexes, each fetched at most once per {@code cacheFor} (a failure
 * too, so a repository that is down is not asked on every page view). A repository that cannot be
 * read is reported with why; the others are used as usual.
 */
final class RepositoryIndexes {

    /**
     * One repository as last fetched.
     *
     * @param url its {@code plugins.json}
     * @param index what it offers, or null when it could not be read
     * @param error why it could not be read, or null
     */
    record Fetched(URI url, PluginIndex index, String error, long atMillis) {}

    private final List<URI> urls;
    private final RepositoryHttp http;
    private final RepositoryOptions.Limits limits;
    private final Clock clock;
    private final Map<URI, Fetched> cache = new ConcurrentHashMap<>();

    RepositoryIndexes(List<URI> repositories, RepositoryHttp http, RepositoryOptions.Limits limits, Clock clock) {
        this.urls = repositories.stream().map(RepositoryIndexes::indexUrl).toList();
        this.http = http;
        this.limits = limits;
        this.clock = clock;
    }

    /** @return a repository's {@code plugins.json}: the URL itself when it names a {@code .json} file */
    static URI indexUrl(URI repository) {
        String text = repository.toString();
        if (repository.getPath() != null && repository.getPath().endsWith(".json")) {
            return repository;
        }
        return URI.create(text.endsWith("/") ? text + "plugins.json" : text + "/plugins.json");
    }

    /** @return every repository, from the cache while it is fresh */
    List<Fetched> all() {
        List<Fetched> all = new ArrayList<>();
        for (URI url : urls) {
            Fetched known = cache.get(url);
            if (known == null || clock.millis() - known.atMillis() >= limits.cacheFor().toMillis()) {
                known = fetch(url);
                cache.put(url, known);
            }
            all.add(known);
        }
        return all;
    }

    /** @return every repository fetched now (an install or update acts on what the repository says now) */
    List<Fetched> fresh() {
        urls.forEach(cache::remove);
        return all();
    }

    private Fetched fetch(URI url) {
        try {
            PluginIndex index = IndexFormat.readIndex(http.get(url, limits.maxIndexBytes()));
            return new Fetched(url, index, null, clock.millis());
        } catch (IOException e) {
            return new Fetched(url, null, e.getMessage(), clock.millis());
        } catch (InvalidIndexException e) {
            return new Fetched(url, null, url + ": " + e.getMessage(), clock.millis());
        }
    }
}
