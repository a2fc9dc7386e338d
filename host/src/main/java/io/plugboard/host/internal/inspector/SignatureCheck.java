package io.plugboard.host.internal.inspector;

import io.plugboard.host.internal.common.InputTimes;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.sdk.WebhookVerifier;
import io.plugboard.sdk.inbound.RejectedRequestException;
import java.time.Instant;
import java.util.List;

/**
 * Checks a captured request's Standard Webhooks signature against a webhook's signing secrets (the
 * current one, and the previous one during a rotation), as a receiver would, with the SDK's {@link WebhookVerifier}.
 */
public final class SignatureCheck {

    /** @param valid true when one of the signatures matches */
    public record Result(boolean valid, String message) {}

    private SignatureCheck() {}

    public static Result check(CapturedRequest r, Webhook webhook) {
        String id = r.header("webhook-id");
        String timestamp = r.header("webhook-timestamp");
        String signatures = r.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return new Result(false, "not signed: webhook-id, webhook-timestamp or webhook-signature is missing");
        }
        if (r.truncated()) {
            return new Result(false, "cannot check: the body was longer than the inbox keeps");
        }
        long ts;
        try {
            ts = WebhookVerifier.timestamp(timestamp);
        } catch (RejectedRequestException e) {
            return new Result(false, "invalid: " + e.getMessage());
        }
        if (ts < InputTimes.MIN.getEpochSecond() || ts > InputTimes.MAX.getEpochSecond()) {
            // Anyone may post to an inbox: a time no Instant holds must not break the admin's view.
            return new Result(false, "invalid: webhook-timestamp is out of range (years 0000 to 9999)");
        }
        List<String> secrets = webhook.secrets().signingAt(Instant.ofEpochSecond(ts));
        int matching = WebhookVerifier.forSecrets(secrets).matchingSecret(id, ts, signatures, r.body());
        if (matching < 0) {
            return new Result(false, "invalid: no signature matches the signing secret of " + webhook.name());
        }
        return new Result(true, "valid: signed by " + webhook.name() + " with its "
                + (matching == 0 ? "current" : "previous") + " signing secret");
    }
}
