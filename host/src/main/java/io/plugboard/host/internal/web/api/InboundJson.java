package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.web.http.SiteUrls;
import io.plugboard.host.internal.inbound.AvailableReceiver;
import io.plugboard.host.internal.inbound.CreatedKey;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.InboundWebhook;
import io.plugboard.host.internal.settings.SettingView;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.sdk.settings.Setting;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An inbound webhook as the API shows it. Secret settings are masked (all settings are while the
 * receiver is not available, since then it is unknown which are secret); the access key and the URL
 * appear only in the answers to create and rotate-key, because only the key's hash is stored.
 */
record InboundJson(
        String id,
        String name,
        String receiver,
        String pluginId,
        String pluginVersion,
        String installedVersion,
        boolean upgradeAvailable,
        String upgradeMode,
        String state,
        Map<String, String> settings,
        String keyPrefix,
        @JsonInclude(JsonInclude.Include.NON_NULL) String accessKey,
        @JsonInclude(JsonInclude.Include.NON_NULL) String url,
        Stats stats,
        Instant createdAt,
        Instant updatedAt,
        Instant keyRotatedAt) {

    record Stats(long requestsTotal, long accepted, long rejected, long parseErrors, Instant lastReceivedAt) {
        static Stats of(InboundWebhook.Stats s) {
            return new Stats(s.requestsTotal(), s.accepted(), s.rejected(), s.parseErrors(), s.lastReceivedAt());
        }
    }

    static InboundJson of(InboundWebhook w, InboundService service) {
        return of(w, service, null, null);
    }

    static InboundJson of(CreatedKey created, InboundService service, Context ctx, BasePath base) {
        return of(created.webhook(), service, created.accessKey(), SiteUrls.absolute(ctx, base, created.path()));
    }

    private static InboundJson of(InboundWebhook w, InboundService service, String key, String url) {
        Optional<AvailableReceiver> receiver = service.receivers().find(w.receiverId());
        String newer = service.newerVersion(w);
        return new InboundJson(w.id(), w.name(), w.receiverId(), w.pluginId(), w.pluginVersion(),
                receiver.map(AvailableReceiver::pluginVersion).orElse(null), newer != null,
                w.upgradeMode().name(), w.state().name(), masked(w, receiver), w.keyPrefix(), key, url,
                Stats.of(w.stats()), w.createdAt(), w.updatedAt(), w.keyRotatedAt());
    }

    /** @return the stored settings, secrets (or all, when unknown) shown as the mask */
    static Map<String, String> masked(InboundWebhook w, Optional<AvailableReceiver> receiver) {
        Map<String, String> shown = new TreeMap<>();
        w.settings().forEach((key, value) -> {
            Optional<Setting> declared = receiver.flatMap(r -> r.settings().stream().filter(s -> s.key().equals(key)).findFirst());
            shown.put(key, declared.map(s -> SettingView.of(s, value).value()).orElse(SettingsService.MASK));
        });
        return shown;
    }
}
