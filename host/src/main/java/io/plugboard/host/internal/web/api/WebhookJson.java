package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plugboard.host.internal.webhooks.Webhook;
import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API shows it. The bearer token is never returned (only whether one is set); the
 * signing secret is returned when asked for one webhook, not in lists.
 */
record WebhookJson(
        String id,
        String name,
        String url,
        List<String> events,
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
        Instant disabledAt) {

    static WebhookJson of(Webhook w, boolean withSecret) {
        return new WebhookJson(w.id(), w.name(), w.url(), w.events(), w.enabled(), w.hasToken(),
                withSecret ? w.secret() : null, w.createdAt(), w.updatedAt(), w.okCount(), w.failedCount(),
                w.lastStatus(), w.lastError(), w.lastAttemptAt(), withSecret ? w.previousSecretExpiresAt() : null,
                w.disabledReason(), w.disabledAt());
    }
}
