package io.plugboard.host.internal.web.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.InputTimes;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.DeliveryRecord;
import io.plugboard.host.internal.delivery.DeliveryReplays;
import io.plugboard.host.internal.delivery.ReplayFilter;
import io.plugboard.host.internal.delivery.ReplayJob;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/deliveries/replay}: the deliveries a filter matches, counted with a sample
 * ({@code dry_run}) or queued again as a job; {@code GET /api/v1/deliveries/replay/{id}}: its progress.
 */
final class DeliveryReplaysApi {

    private static final Set<String> FIELDS = Set.of("webhooks", "event_types", "status", "from", "to",
            "response_status", "dry_run");

    record FilterJson(List<String> webhooks, List<String> eventTypes, String status, Instant from, Instant to,
                      String responseStatus) {

        static FilterJson of(ReplayFilter f) {
            return new FilterJson(f.webhooks(), f.eventTypes(), f.status(), f.from(), f.to(), f.responseStatus());
        }
    }

    record DryRunJson(boolean dryRun, long count, List<DeliveryRecord> sample, FilterJson filter) {}

    record JobJson(String id, String status, long count, long queued, int percent, FilterJson filter, Instant createdAt,
                   Instant updatedAt, Instant finishedAt) {

        static JobJson of(ReplayJob j) {
            return new JobJson(j.id(), j.status(), j.total(), j.queued(), j.percent(), FilterJson.of(j.filter()),
                    j.createdAt(), j.updatedAt(), j.finishedAt());
        }
    }

    private final DeliveryReplays replays;
    private final ObjectMapper mapper;
    private final AppScopes scopes;

    DeliveryReplaysApi(DeliveryReplays replays, ObjectMapper mapper, AppScopes scopes) {
        this.replays = replays;
        this.mapper = mapper;
        this.scopes = scopes;
    }

    void register(JavalinDefaultRoutingApi routes) {
        for (String path : AppScopes.paths("/deliveries/replay")) {
            routes.post(path, this::replay);
            routes.get(path + "/{id}", ctx ->
                    JsonBody.send(ctx, mapper, JobJson.of(replays.job(scopes.id(ctx), ctx.pathParam("id")))));
        }
    }

    private void replay(Context ctx) {
        JsonInput in = JsonInput.read(ctx, mapper, false, FIELDS).collecting();
        List<String> webhooks = in.strings("webhooks");
        List<String> types = in.strings("event_types");
        String status = in.string("status");
        String from = in.string("from");
        String to = in.string("to");
        String responseStatus = in.textOrInteger("response_status");
        Boolean dryRun = in.bool("dry_run");
        if (!in.problems().isEmpty()) {
            throw new ValidationException(in.problems());
        }
        // Only the application's deliveries: a webhook id of another application is refused as unknown.
        ReplayFilter filter = new ReplayFilter(webhooks, types, status,
                from == null ? null : InputTimes.instant("from", from), to == null ? null : InputTimes.instant("to", to),
                responseStatus, scopes.id(ctx));
        if (Boolean.TRUE.equals(dryRun)) {
            DeliveryReplays.Preview preview = replays.preview(filter);
            JsonBody.send(ctx, mapper, new DryRunJson(true, preview.count(), preview.sample(), FilterJson.of(filter)));
            return;
        }
        ReplayJob job = replays.start(filter);
        boolean running = ReplayJob.RUNNING.equals(job.status());
        if (running) {
            ctx.header("Location", AppScopes.location(ctx, "/deliveries/replay/" + job.id()));
        }
        JsonBody.send(ctx.status(running ? 202 : 200), mapper, JobJson.of(job));
    }
}
