package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.payloads.Payloads;
import io.plugboard.host.internal.payloads.RenderedBody;
import io.plugboard.host.internal.payloads.UsedSecrets;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookDestination;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the request for one attempt: the body, and the Standard Webhooks headers. The
 * {@code webhook-id} is the event id, the same for every attempt; timestamp and signature are fresh.
 * The body comes from the webhook's payload format ({@link Payloads}, which asks the format registry),
 * as do custom headers. Before either, the event's data passes the
 * {@code outgoing_payload} filters ({@link OutgoingFilter}); after rendering, body and extra headers pass the
 * {@code delivery_sending} filters ({@link SendingFilter}). Signatures cover the exact body bytes.
 */
public final class RequestFactory {

    private final Payloads payloads;
    private final OutgoingFilter filter;
    private final SendingFilter sending;
    private final String userAgent;

    private final OutboundCatalog catalog;

    RequestFactory(Payloads payloads, OutgoingFilter filter, SendingFilter sending, String hostVersion,
                   OutboundCatalog catalog) {
        this.sending = sending;
        this.payloads = payloads;
        this.catalog = catalog;
        this.filter = filter;
        this.userAgent = "Plugboard/" + hostVersion;
    }

    /** The data passes the outgoing-payload filters first; the signature covers the exact bytes sent. */
    public WebhookRequest build(Webhook webhook, StoredEvent event, Instant now) {
        return build(webhook, event, now, payloads.readsSecrets(webhook.settings().payload()) ? payloads.forRequest(webhook.appId()) : null);
    }

    /**
     * @param secrets where secret values come from (and are remembered for masking): the webhook's application's
     *     ({@link Payloads#forRequest}); null only for the settings that read none ({@link Payloads#readsSecrets})
     */
    public WebhookRequest build(Webhook webhook, StoredEvent stored, Instant now, UsedSecrets secrets) {
        // The data passes the outgoing-payload filters first (in every format); the signature covers the bytes sent.
        String data = filter.data(webhook, stored);
        StoredEvent event = data == stored.data() ? stored
                : stored.withData(data);
        PayloadSettings p = webhook.settings().payload();
        RenderedBody rendered = payloads.body(webhook, event, secrets);
        Map<String, String> extra = new LinkedHashMap<>(rendered.headers());
        if (secrets != null) {
            extra.putAll(payloads.headers(p, secrets));
        }
        // delivery_sending sees the rendered body and extra headers before signing: the signature covers its body.
        SendingFilter.Sent sent = sending.apply(webhook, event, extra, rendered.bytes());
        byte[] body = sent.body();
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", rendered.contentType());
        headers.put("User-Agent", userAgent);
        headers.putAll(sent.headers());
        headers.put("webhook-id", event.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", Signer.header(webhook.secrets().signingAt(now), event.id(), timestamp, body));
        if (webhook.hasToken()) {
            headers.put("Authorization", "Bearer " + webhook.settings().token());
        }
        Map<String, String> shown = masked(headers);
        if (webhook.settings().access().oauth() != null) {
            // The token is added when sending (HttpSender); the log shows where it goes.
            shown.put("Authorization", "Bearer ****");
        }
        WebhookDestination d = webhook.settings().destination();
        return new WebhookRequest(d.isHttp() ? URI.create(webhook.url()) : null, target(webhook), headers, body,
                secrets == null ? shown : secrets.mask(shown), webhook.settings().access(), webhook.appId());
    }

    /** @return where the webhook delivers, as the admin reads it */
    public String target(Webhook webhook) {
        return catalog.target(webhook);
    }

    /** @return the headers as they may be stored and shown: the bearer token masked */
    public static Map<String, String> masked(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.computeIfPresent("Authorization", (k, v) -> v.startsWith("Bearer ") ? "Bearer ****" : "****");
        return out;
    }
}
