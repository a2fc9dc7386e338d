package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.delivery.AttemptRecord;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.outbound.WebhookService;
import java.util.Optional;

/** The "test event sent" panel, read back from the recorded attempt named in the URL. */
record TestResultView(String webhookName, String webhookUrl, String eventType, String eventId, boolean success,
                      Integer status, long durationMs, String error, String body) {

    static Optional<TestResultView> load(String attemptId, DeliveryStore deliveries, WebhookService webhooks) {
        if (attemptId == null || attemptId.isBlank()) {
            return Optional.empty();
        }
        return deliveries.findAttempt(attemptId).map(a -> of(a, webhooks));
    }

    private static TestResultView of(AttemptRecord a, WebhookService webhooks) {
        var webhook = webhooks.find(a.webhookId());
        return new TestResultView(webhook.map(w -> w.name()).orElse(a.webhookId()),
                webhook.map(w -> w.url()).orElse(""), a.eventType(), a.eventId(), a.success(),
                a.responseStatus(), a.durationMs(), a.error(), a.responseBody());
    }
}
