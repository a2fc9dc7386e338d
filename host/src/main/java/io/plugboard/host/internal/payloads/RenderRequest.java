package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import java.time.Instant;

/**
 * What a {@link PayloadFormat} renders: one event for one webhook's settings.
 *
 * @param event the event, its data already through the {@code outgoing_payload} filters
 * @param webhookId the webhook's id (or a placeholder when its settings are only checked)
 * @param version when the webhook's settings last changed, so a format may cache what it derives from
 *     them; null for settings that are not saved (checks, previews of a form), never cached
 * @param secrets where {@code {{secret "NAME"}}} values come from, remembering the ones used for masking
 */
public record RenderRequest(StoredEvent event, String webhookId, String webhookName, String token, Instant version,
                            PayloadSettings settings, UsedSecrets secrets) {

    /** @return the request for a saved (or previewed) webhook */
    public static RenderRequest of(Webhook w, StoredEvent event, UsedSecrets secrets) {
        return new RenderRequest(event, w.id(), w.name(), w.settings().token(), w.updatedAt(), w.settings().payload(),
                secrets);
    }
}
