package io.plugboard.host.internal.inspector;

import io.plugboard.host.internal.delivery.LocalEndpoint;
import io.plugboard.host.internal.delivery.SendResult;
import io.plugboard.host.internal.delivery.WebhookRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers requests addressed to an open inbox's loopback URL in-process, as the receiving endpoint
 * would record them, and answers like {@code /inspect/{id}} does. The inbox is looked up in the
 * database, so any instance delivers to an inbox whichever instance created it.
 */
public final class InboxDelivery implements LocalEndpoint {

    private final Inboxes inboxes;

    public InboxDelivery(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @Override
    public Optional<SendResult> deliver(WebhookRequest request) {
        Optional<String> inbox = inboxes.ownInboxId(request.url());
        if (inbox.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        headers.put("content-length", List.of(Integer.toString(request.body().length)));
        // Deleted or expired since the lookup: the request is not sent anywhere else.
        return Optional.of(inboxes.record(inbox.get(), "POST", request.url().getRawPath(), null, headers,
                        request.body(), "in-process")
                .map(r -> new SendResult(true, 200, Map.of("content-type", "application/json"),
                        "{\"received\":true,\"number\":" + r.number() + "}", 0, null, null))
                .orElseGet(() -> new SendResult(false, 404, Map.of("content-type", "application/json"),
                        "{\"error\":\"no inbox has this id; it may have expired or been deleted\"}", 0,
                        "HTTP 404: the inspector inbox is gone", null)));
    }
}
