package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes one attempt's rendered body and extra headers through {@link CoreHooks#DELIVERY_SENDING},
 * before the host adds its own headers and signs: the signature covers the body the filters return.
 * Headers the host sets itself cannot be added or changed by a filter. Without a filter: one map lookup.
 */
final class SendingFilter {

    private static final Logger log = LoggerFactory.getLogger(SendingFilter.class);
    private static final Set<String> HOST_HEADERS = Set.of("webhook-id", "webhook-timestamp", "webhook-signature",
            "content-type", "user-agent", "authorization");

    /** The body and extra headers to send. */
    record Sent(Map<String, String> headers, byte[] body) {}

    private final HookRunner hooks;

    SendingFilter(HookRunner hooks) {
        this.hooks = hooks;
    }

    Sent apply(Webhook webhook, StoredEvent event, Map<String, String> headers, byte[] body) {
        if (!hooks.has(CoreHooks.DELIVERY_SENDING)) {
            return new Sent(headers, body);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        OutgoingRequest filtered = hooks.applyFilters(CoreHooks.DELIVERY_SENDING,
                new OutgoingRequest(event.id(), event.type(), webhook.id(), headers, text));
        Map<String, String> kept = new LinkedHashMap<>(headers);
        filtered.headers().forEach((name, value) -> {
            if (HOST_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !value.equals(headers.get(name))) {
                log.warn("A delivery_sending filter set the header {} for {}; the host sets it itself, so it is ignored",
                        name, webhook.id());
            } else {
                kept.put(name, value);
            }
        });
        kept.keySet().retainAll(filtered.headers().keySet());
        byte[] sent = filtered.body().equals(text) ? body : filtered.body().getBytes(StandardCharsets.UTF_8);
        return new Sent(kept, sent);
    }
}
