package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.delivery.RateLimiter;
import io.plugboard.host.internal.outbound.Webhook;
import java.math.BigDecimal;

/**
 * What the webhook's page says of its rate limit: the limit (its own or the host's default), the rate in
 * force when a 429 lowered it, and the backlog (deliveries waiting to be sent).
 *
 * @param limit e.g. "5", null without a limit
 * @param own whether the webhook has a limit of its own (else the host's default applies)
 * @param rate the lowered rate while a 429 slows it, else null
 */
record RateLimitNote(String limit, boolean own, String rate, long backlog) {

    static RateLimitNote of(Webhook w, RateLimiter limits, DeliveryStore deliveries) {
        long backlog = deliveries.count(w.id(), "pending");
        return limits.status(w)
                .map(s -> new RateLimitNote(shown(s.limit()), w.settings().rateLimit() != null,
                        s.slowed() ? shown(s.rate()) : null, backlog))
                .orElse(new RateLimitNote(null, false, null, backlog));
    }

    /** The form's text for a limit: "5", "0.5", never "5.0" or "1E+1". */
    static String shown(Double perSecond) {
        if (perSecond == null) {
            return "";
        }
        BigDecimal d = BigDecimal.valueOf(perSecond).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return d.toPlainString();
    }
}
