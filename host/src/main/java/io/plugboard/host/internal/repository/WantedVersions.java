package io.plugboard.host.internal.repository;

import io.plugboard.repository.IndexFormat;
import io.plugboard.repository.InvalidIndexException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The release chosen per plugin on any instance (an install, an update, the auto-update), with all it
 * takes to fetch and check it, so that every instance on the database converges on it by itself.
 */
final class WantedVersions {

    private final Jdbi jdbi;
    private final Clock clock;

    WantedVersions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    void set(ChosenRelease release, String setBy) {
        String signature = release.signature() == null ? null
                : new String(IndexFormat.write(release.signature()), StandardCharsets.UTF_8);
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO plugin_wanted_versions (plugin_id, version, url, sha512, "
                        + "signature, set_by, set_at) VALUES (:id, :version, :url, :sha512, :signature, :by, :now) "
                        + "ON CONFLICT (plugin_id) DO UPDATE SET version = excluded.version, url = excluded.url, "
                        + "sha512 = excluded.sha512, signature = excluded.signature, set_by = excluded.set_by, "
                        + "set_at = excluded.set_at")
                .bind("id", release.pluginId()).bind("version", release.version()).bind("url", release.url().toString())
                .bind("sha512", release.sha512()).bind("signature", signature).bind("by", setBy)
                .bind("now", clock.millis()).execute());
    }

    /** An uninstalled plugin is no longer wanted anywhere. */
    void forget(String pluginId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM plugin_wanted_versions WHERE plugin_id = :id")
                .bind("id", pluginId).execute());
    }

    List<ChosenRelease> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT plugin_id, version, url, sha512, signature "
                        + "FROM plugin_wanted_versions ORDER BY plugin_id")
                .map((rs, ctx) -> {
                    String signature = rs.getString("signature");
                    return new ChosenRelease(rs.getString("plugin_id"), rs.getString("version"),
                            URI.create(rs.getString("url")), rs.getString("sha512"), signature == null ? null
                            : readSignature(signature), null);
                }).list());
    }

    private static io.plugboard.repository.ReleaseSignature readSignature(String json) {
        try {
            return IndexFormat.readSignature(json.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidIndexException e) {
            throw new IllegalStateException("plugin_wanted_versions holds a signature that cannot be read", e);
        }
    }
}
