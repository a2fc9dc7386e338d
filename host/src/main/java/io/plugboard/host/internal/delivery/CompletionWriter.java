package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.sdk.hooks.DisableCause;
import io.plugboard.sdk.hooks.WebhookDisabled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records finished attempts, many per transaction: the attempt row, the delivery's new state (done,
 * retry at, failed), the webhook's counters and failure streak, and disabling the webhook after a
 * 410 Gone or a failure streak that lasted too long, with the operational events these changes make
 * ({@link OpsInBatch}). The delivery's claim is cleared with its new
 * state; a delivery another instance has claimed meanwhile (this one's claim expired) keeps its state,
 * and only the attempt is recorded. Webhook rows are updated in id order, so two instances' batches
 * cannot deadlock on them. The dashboard's per-minute counts ({@link AttemptMinutes}) are added in the
 * same transaction.
 */
final class CompletionWriter {

    private static final Logger log = LoggerFactory.getLogger(CompletionWriter.class);

    private final Jdbi jdbi;
    private final RetryPolicy policy;
    private final DeliveryConfig settings;
    private final ObjectMapper mapper;
    private final DeliveryMetrics metrics;
    private final String owner;
    private final OutcomeHooks outcomeHooks;
    private final OperationalEvents ops;

    CompletionWriter(Jdbi jdbi, DeliveryConfig settings, ObjectMapper mapper, DeliveryMetrics metrics, String owner,
                     OutcomeHooks outcomeHooks, OperationalEvents ops) {
        this.outcomeHooks = outcomeHooks;
        this.ops = ops;
        this.jdbi = jdbi;
        this.policy = new RetryPolicy(settings);
        this.settings = settings;
        this.mapper = mapper;
        this.metrics = metrics;
        this.owner = owner;
    }

    void write(List<Attempt> batch) {
        // Delivery rows are updated in id order, the order Leases renews them in: no deadlock.
        List<Attempt> attempts = new ArrayList<>(batch);
        attempts.sort(java.util.Comparator.comparing(a -> a.delivery().id()));
        List<Map.Entry<String, String>> finished = new ArrayList<>();
        List<OutcomeHooks.Recorded> outcomes = new ArrayList<>();
        List<WebhookDisabled> disabled = new ArrayList<>();
        boolean hooked = outcomeHooks.listening(); // once per batch: nothing is collected when nobody listens
        List<StoredEvent> emitted = new ArrayList<>();
        jdbi.useTransaction(h -> {
            finished.clear();
            outcomes.clear();
            disabled.clear();
            emitted.clear();
            OpsInBatch opsEvents = new OpsInBatch(ops, h.getConnection(), emitted);
            // A delivery deleted meanwhile (its webhook was deleted) is skipped, not an error for the batch.
            PreparedBatch insert = h.prepareBatch("INSERT INTO delivery_attempts (id, delivery_id, webhook_id, attempt, "
                    + "attempted_at, success, request_headers, response_status, response_headers, response_body, "
                    + "duration_ms, error) SELECT :id, :deliveryId, :webhookId, :attempt, :at, :success, "
                    + ":requestHeaders, :status, :responseHeaders, :body, :durationMs, :error "
                    + "WHERE EXISTS (SELECT 1 FROM deliveries WHERE id = :deliveryId)");
            PreparedBatch delivery = h.prepareBatch("UPDATE deliveries SET status = :status, attempts = :attempt, "
                    + "next_attempt_at = :next, last_status = :httpStatus, last_error = :error, updated_at = :at, "
                    + "lease_owner = NULL, lease_expires_at = NULL "
                    + "WHERE id = :id AND (lease_owner IS NULL OR lease_owner = :owner)");
            PreparedBatch webhook = h.prepareBatch("UPDATE webhooks SET ok_count = ok_count + :ok, "
                    + "failed_count = failed_count + :failed, last_status = :httpStatus, last_error = :error, "
                    + "last_attempt_at = :at, "
                    + "consecutive_failures = CASE WHEN :reset THEN :trailing ELSE consecutive_failures + :trailing END, "
                    + "failing_since = CASE WHEN :reset THEN :since ELSE COALESCE(failing_since, :since) END "
                    + "WHERE id = :id");
            Map<String, WebhookTally> tallies = new TreeMap<>();
            List<RetryPolicy.Decision> decisions = new ArrayList<>(attempts.size());
            AttemptMinutes minutes = new AttemptMinutes();
            for (Attempt a : attempts) {
                SendResult r = a.result();
                RetryPolicy.Decision decision = decide(a);
                decisions.add(decision);
                long at = a.attemptedAt().toEpochMilli();
                insert.bind("id", a.id()).bind("deliveryId", a.delivery().id()).bind("webhookId", a.delivery().webhookId())
                        .bind("attempt", a.delivery().attempt()).bind("at", at).bind("success", r.success())
                        .bind("requestHeaders", json(a.request().shownHeaders()))
                        .bind("status", r.responseStatus()).bind("responseHeaders", json(r.responseHeaders()))
                        .bind("body", r.responseBody()).bind("durationMs", r.durationMs()).bind("error", r.error())
                        .add();
                delivery.bind("status", decision.status()).bind("attempt", a.delivery().attempt())
                        .bind("next", decision.nextAttemptAt() == null ? null : decision.nextAttemptAt().toEpochMilli())
                        .bind("httpStatus", r.responseStatus()).bind("error", r.error()).bind("at", at)
                        .bind("id", a.delivery().id()).bind("owner", owner).add();
                tallies.computeIfAbsent(a.delivery().webhookId(), k -> new WebhookTally()).add(r, at);
                minutes.add(a.delivery().webhookId(), at, decision.status(), r.durationMs());
                if (!decision.status().equals(RetryPolicy.PENDING)) {
                    finished.add(Map.entry(a.delivery().webhookId(), decision.status()));
                }
                if (hooked) {
                    outcomes.add(new OutcomeHooks.Recorded(a, decision.status(), decision.webhookGone()));
                }
                if (decision.webhookGone()) {
                    String reason = r.responseStatus() != null ? "the endpoint answered 410 Gone"
                            : "the destination is gone: " + r.error();
                    disable(h, a.delivery().webhookId(), reason, at);
                    opsEvents.disabled(a.delivery().webhookId(), "gone", reason);
                    if (hooked) {
                        disabled.add(new WebhookDisabled(a.delivery().webhookId(), DisableCause.GONE, reason));
                    }
                }
            }
            tallies.forEach((id, t) -> webhook.bind("ok", t.ok).bind("failed", t.failed)
                    .bind("httpStatus", t.lastStatus).bind("error", t.lastError).bind("at", t.lastAt)
                    .bind("reset", t.streakReset).bind("trailing", t.trailingFailures).bind("since", t.trailingSince)
                    .bind("id", id).add());
            insert.execute();
            int[] updated = delivery.execute();
            opsEvents.failedForGood(attempts, applied(decisions, updated));
            long lost = java.util.Arrays.stream(updated).filter(n -> n == 0).count();
            if (lost > 0) {
                log.warn("{} delivery(ies) were deleted, or claimed by another instance, before their attempt was "
                        + "recorded; their attempts are logged, their state was left as it is", lost);
            }
            webhook.execute();
            opsEvents.streaks(tallies);
            if (tallies.values().stream().anyMatch(t -> t.trailingFailures > 0)) {
                disableFailingTooLong(h, attempts.get(attempts.size() - 1).attemptedAt(), hooked ? disabled : null,
                        opsEvents);
            }
            // Last, so these row locks are the last any batch takes: waiting on one never closes a circle.
            minutes.write(h);
        });
        finished.forEach(f -> metrics.finished(f.getKey(), f.getValue()));
        if (hooked) {
            outcomeHooks.committed(outcomes, disabled);
        }
        outcomeHooks.announce(ops, emitted);
    }

    /**
     * @return per attempt, in order, the delivery's new status when this batch set it (null when the
     *     delivery was deleted or another instance claimed it meanwhile: its state was left as it was)
     */
    private static List<RetryPolicy.Decision> applied(List<RetryPolicy.Decision> decisions, int[] updated) {
        List<RetryPolicy.Decision> applied = new ArrayList<>(decisions.size());
        for (int i = 0; i < decisions.size(); i++) {
            applied.add(updated[i] == 0 ? null : decisions.get(i));
        }
        return applied;
    }

    private RetryPolicy.Decision decide(Attempt a) {
        SendResult r = a.result();
        return a.retryable() ? policy.decide(a.delivery().attempt(), r, a.attemptedAt())
                : new RetryPolicy.Decision(r.success() ? RetryPolicy.SUCCEEDED : RetryPolicy.FAILED, null, false);
    }

    /** @param told null, or where the webhooks turned off are added for {@code webhook_disabled} */
    private void disableFailingTooLong(Handle h, Instant now, List<WebhookDisabled> told, OpsInBatch opsEvents) {
        long since = now.minus(settings.autoDisableAfter()).toEpochMilli();
        // An application may set its own time (applications.auto_disable_after_hours); the host's otherwise.
        List<Map.Entry<String, String>> tooLong = h.createQuery("SELECT w.id, w.failing_since, w.consecutive_failures "
                        + "FROM webhooks w JOIN applications a ON a.id = w.app_id WHERE w.enabled "
                        + "AND w.failing_since IS NOT NULL AND w.consecutive_failures >= :min AND w.failing_since <= "
                        + "CASE WHEN a.auto_disable_after_hours IS NULL THEN :since "
                        + "ELSE :now - CAST(a.auto_disable_after_hours AS BIGINT) * 3600000 END ORDER BY w.id")
                .bind("since", since).bind("now", now.toEpochMilli())
                .bind("min", settings.autoDisableMinFailures())
                .map((rs, ctx) -> Map.entry(rs.getString(1), "every attempt failed since "
                        + Instant.ofEpochMilli(rs.getLong(2)) + " (" + rs.getLong(3) + " attempts in a row)"))
                .list();
        for (Map.Entry<String, String> e : tooLong) {
            disable(h, e.getKey(), e.getValue(), now.toEpochMilli());
            opsEvents.disabled(e.getKey(), "failing_too_long", e.getValue());
            if (told != null) {
                told.add(new WebhookDisabled(e.getKey(), DisableCause.FAILING_TOO_LONG, e.getValue()));
            }
        }
    }

    private static void disable(Handle h, String webhookId, String reason, long at) {
        log.warn("Webhook {} turned off: {}", webhookId, reason);
        h.createUpdate("UPDATE webhooks SET enabled = FALSE, disabled_reason = :reason, disabled_at = :at WHERE id = :id")
                .bind("reason", reason).bind("at", at).bind("id", webhookId).execute();
    }

    private String json(Map<String, String> headers) {
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
