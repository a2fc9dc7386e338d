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
 * Delivers requests addressed to an open inbox of this host (its loopback URL) in-process, as the
 * receiving endpoint would record them, and answers like {@code /inspect/{id}} does.
 */
public final class InboxDelivery implements LocalEndpoint {

    private final Inboxes inboxes;

    public InboxDelivery(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @Override
    public Optional<SendResult> deliver(WebhookRequest request) {
        if (!inboxes.isOwnInboxUrl(request.url())) {
            return Optional.empty();
        }
        String path = request.url().getRawPath();
        Optional<Inbox> inbox = inboxes.find(path.substring(Inboxes.PATH_PREFIX.length()));
        if (inbox.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        headers.put("content-length", List.of(Integer.toString(request.body().length)));
        CapturedRequest r = inboxes.record(inbox.get(), "POST", path, null, headers, request.body(), "in-process");
        return Optional.of(new SendResult(true, 200, Map.of("content-type", "application/json"),
                "{\"received\":true,\"number\":" + r.number() + "}", 0, null, null));
    }
}
