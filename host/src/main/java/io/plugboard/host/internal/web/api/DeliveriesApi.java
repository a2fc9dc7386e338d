package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.InputTimes;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.AttemptRecord;
import io.plugboard.host.internal.delivery.DeliveryRecord;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery log: list an application's or a webhook's deliveries, read one with its attempts, redeliver,
 * recover, stats; each under today's path and the application's ({@link AppScopes}). A delivery of another
 * application's webhook is not found.
 */
final class DeliveriesApi {

    static final int STATS_DAYS = 14;

    record DeliveryJson(DeliveryRecord delivery, List<AttemptRecord> attempts, JsonNode data) {}

    record DayJson(LocalDate date, long ok, long failed) {}

    record StatsJson(String webhookId, long deliveriesOk, long deliveriesFailed, Integer lastStatus, String lastError,
                     Instant lastAttemptAt, long pending, List<DayJson> days) {}

    private final DeliveryStore deliveries;
    private final WebhookService webhooks;
    private final Runnable wake;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AppScopes scopes;

    DeliveriesApi(DeliveryStore deliveries, WebhookService webhooks, Runnable wake, ObjectMapper mapper, Clock clock,
                  AppScopes scopes) {
        this.scopes = scopes;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.wake = wake;
        this.mapper = mapper;
        this.clock = clock;
    }

    void register(JavalinDefaultRoutingApi routes) {
        for (String path : AppScopes.paths("")) {
            routes.get(path + "/deliveries", ctx -> list(ctx, null));
            routes.get(path + "/webhooks/{id}/deliveries", ctx -> list(ctx, webhook(ctx)));
            routes.get(path + "/deliveries/{id}", this::get);
            routes.post(path + "/deliveries/{id}/redeliver", this::redeliver);
            routes.post(path + "/webhooks/{id}/recover", this::recover);
            routes.get(path + "/webhooks/{id}/stats", this::stats);
        }
    }

    /** @throws io.plugboard.host.internal.common.NotFoundException for another application's webhook too */
    private Webhook webhook(Context ctx) {
        return webhooks.get(scopes.id(ctx), ctx.pathParam("id"));
    }

    /** @param w the webhook whose deliveries to list, or null for all the application's */
    private void list(Context ctx, Webhook w) {
        String app = scopes.id(ctx);
        String webhookId = w == null ? null : w.id();
        String status = status(ctx.queryParam("status"));
        int limit = QueryParams.integer(ctx, "limit", 50, 1, 500);
        String before = ctx.queryParam("before");
        List<DeliveryRecord> page = deliveries.list(app, webhookId, status,
                before == null || before.isBlank() ? null : before, limit);
        JsonBody.send(ctx, mapper, new ListJson<>(page, deliveries.count(app, webhookId, status)));
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        DeliveryRecord d = deliveries.get(scopes.id(ctx), id);
        String data = deliveries.eventData(d.eventId()).orElse("null");
        try {
            JsonBody.send(ctx, mapper, new DeliveryJson(d, deliveries.attempts(id), mapper.readTree(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + d.eventId() + " is not JSON", e);
        }
    }

    private void redeliver(Context ctx) {
        String id = ctx.pathParam("id");
        String queued = deliveries.redeliver(scopes.id(ctx), id, clock.instant());
        wake.run();
        JsonBody.send(ctx.status(202), mapper, Map.of("id", queued));
    }

    private void recover(Context ctx) {
        Webhook w = webhook(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("since"));
        String since = in.string("since");
        if (since == null) {
            throw ValidationException.of("since", "since is required: an ISO-8601 time, e.g. 2026-11-20T00:00:00Z");
        }
        Instant from = InputTimes.instant("since", since);
        int queued = deliveries.recover(w.id(), from, clock.instant());
        wake.run();
        JsonBody.send(ctx.status(202), mapper, Map.of("queued", queued));
    }

    private void stats(Context ctx) {
        Webhook w = webhook(ctx);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(STATS_DAYS - 1);
        Map<Long, long[]> daily = deliveries.dailyAttempts(w.id(), first.atStartOfDay(ZoneOffset.UTC).toInstant());
        List<DayJson> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            long[] counts = daily.getOrDefault(d.toEpochDay(), new long[2]);
            days.add(new DayJson(d, counts[0], counts[1]));
        }
        var s = w.stats();
        JsonBody.send(ctx, mapper, new StatsJson(w.id(), s.okCount(), s.failedCount(), s.lastStatus(), s.lastError(), s.lastAttemptAt(),
                deliveries.count(w.id(), "pending"), days));
    }

    static String status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!DeliveryStore.STATUSES.contains(value)) {
            throw ValidationException.of("status", "status must be one of pending, succeeded, failed");
        }
        return value;
    }
}
