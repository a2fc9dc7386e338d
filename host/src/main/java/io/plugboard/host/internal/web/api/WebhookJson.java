package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.payloads.OutboundCatalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plugboard.host.internal.outbound.ClientTls;
import io.plugboard.host.internal.outbound.OAuthClient;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A webhook as the API shows it, with the subscribed event types no plugin registers at the moment
 * (they are kept, and delivered again once a plugin registers them). The bearer token is never
 * returned (only whether one is set); the signing secret is returned when asked for one webhook, not
 * in lists. Header values are shown as saved: secret references, not secret values. {@code rate_limit} is
 * the webhook's own (null: the host's default applies, if it has one). A client key is shown only as the
 * mask; an OAuth client secret by its name.
 */
record WebhookJson(
        String id,
        String name,
        String url,
        List<String> events,
        List<String> unavailableEventTypes,
        boolean enabled,
        boolean hasToken,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        Instant createdAt,
        Instant updatedAt,
        long deliveriesOk,
        long deliveriesFailed,
        Integer lastStatus,
        String lastError,
        Instant lastAttemptAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousSecretExpiresAt,
        String disabledReason,
        Instant disabledAt,
        String format,
        String template,
        Map<String, String> headers,
        String filter,
        Map<String, String> formatSettings,
        boolean formatAvailable,
        DestinationJson destination,
        Double rateLimit,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Map<String, String>> pluginFields,
        ClientTlsJson clientTls,
        OAuthJson oauth) {

    /** Mutual TLS: the certificate and CA bundle as saved, the key only as the mask (sent back, it keeps the key). */
    record ClientTlsJson(String certificate, String key, String ca) {

        static ClientTlsJson of(ClientTls tls) {
            return tls == null ? null : new ClientTlsJson(tls.certificate(), tls.key() == null ? null : ClientTls.MASK, tls.ca());
        }
    }

    /** OAuth client credentials: {@code clientSecret} is the secret's name, never its value. */
    record OAuthJson(String tokenUrl, String clientId, String clientSecret, String scope) {

        static OAuthJson of(OAuthClient o) {
            return o == null ? null : new OAuthJson(o.tokenUrl(), o.clientId(), o.clientSecret(), o.scope());
        }
    }

    /**
     * Where the webhook delivers.
     *
     * @param settings its values, secret ones masked
     * @param available false while the plugin that provides it is not active (deliveries wait)
     * @param target where messages go, in words (the url for HTTP)
     */
    record DestinationJson(String type, Map<String, String> settings, boolean available, String target) {}

    /** @param registered whether an event type is registered now (a plugin that went away takes its types) */
    /** @param pluginFields the active plugins' webhook form field values, secrets masked; null in lists */
    static WebhookJson of(Webhook w, boolean withSecret, Predicate<String> registered, OutboundCatalog catalog,
                          String target, Map<String, Map<String, String>> pluginFields) {
        List<String> unavailable = w.events().stream().filter(registered.negate()).toList();
        WebhookStats s = w.stats();
        PayloadSettings p = w.settings().payload();
        return new WebhookJson(w.id(), w.name(), w.url(), w.events(), unavailable, w.enabled(), w.hasToken(),
                withSecret ? w.secrets().current() : null, w.createdAt(), w.updatedAt(), s.okCount(), s.failedCount(),
                s.lastStatus(), s.lastError(), s.lastAttemptAt(), withSecret ? w.secrets().previousExpiresAt() : null,
                s.disabledReason(), s.disabledAt(), p.format(), p.template(), p.headers(), p.filter(),
                catalog.shownFormatSettings(w), catalog.formatAvailable(w),
                new DestinationJson(w.settings().destination().type(), catalog.shownDestinationSettings(w),
                        catalog.destinationAvailable(w), target), w.settings().rateLimit(), pluginFields,
                ClientTlsJson.of(w.settings().access().tls()), OAuthJson.of(w.settings().access().oauth()));
    }
}
