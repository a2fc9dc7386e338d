package io.plugboard.host.internal.inbound;

import java.time.Instant;
import java.util.Map;

/**
 * An inbound webhook as stored. The access key itself is not here: only its hash (never shown) and
 * its first characters, to tell keys apart.
 *
 * @param pluginVersion the receiver plugin's version recorded for it: followed automatically in
 *     {@link UpgradeMode#AUTO}, changed only by the admin in {@link UpgradeMode#MANUAL}
 * @param settings the receiver's settings by key, secrets in clear (mask them when showing)
 * @param appId the id of the application it belongs to: the events it receives are emitted for that
 *     application's webhooks only
 */
public record InboundWebhook(String id, String name, String receiverId, String pluginId, String pluginVersion,
                             UpgradeMode upgradeMode, Map<String, String> settings, String keyHash, String keyPrefix,
                             State state, Instant createdAt, Instant updatedAt, Instant keyRotatedAt, Stats stats,
                             String appId) {

    /** An inbound webhook of the default application. */
    public InboundWebhook(String id, String name, String receiverId, String pluginId, String pluginVersion,
                          UpgradeMode upgradeMode, Map<String, String> settings, String keyHash, String keyPrefix,
                          State state, Instant createdAt, Instant updatedAt, Instant keyRotatedAt, Stats stats) {
        this(id, name, receiverId, pluginId, pluginVersion, upgradeMode, settings, keyHash, keyPrefix, state, createdAt,
                updatedAt, keyRotatedAt, stats, io.plugboard.host.internal.common.DefaultApp.ID);
    }

    /** Whether requests are accepted. */
    public enum State {
        ENABLED, DISABLED;

        /** @return the state named, in any case; empty for blank or unknown text */
        public static java.util.Optional<State> parse(String value) {
            if (value == null || value.isBlank()) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(valueOf(value.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /** Whether the recorded receiver version follows the installed plugin. */
    public enum UpgradeMode { AUTO, MANUAL }

    /** What the inbound webhook received. */
    public record Stats(long requestsTotal, long accepted, long rejected, long parseErrors, Instant lastReceivedAt) {}

    public InboundWebhook {
        settings = Map.copyOf(settings);
        appId = appId == null ? io.plugboard.host.internal.common.DefaultApp.ID : appId;
    }

    public boolean enabled() {
        return state == State.ENABLED;
    }

    /** @return the path of its URL without the key: {@code /hooks/in/<id>/} */
    public String pathPrefix() {
        return "/hooks/in/" + id + "/";
    }
}
