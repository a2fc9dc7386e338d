package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.web.http.JsonBody;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.HttpStatus;
import io.plugboard.host.internal.instances.HealthCheck;
import io.plugboard.host.internal.instances.HealthReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}, for load balancers and monitoring, without credentials: {@code ok} with this
 * instance's id and the queue lag (how long the oldest due delivery has been waiting); 503 with
 * {@code degraded} and the failing background workers while one fails, or {@code unavailable} when
 * the database does not answer. Problems name the part and the failure's type; the message is in the
 * log and in {@code Plugboard.health()}.
 */
final class HealthApi {

    private static final Logger log = LoggerFactory.getLogger(HealthApi.class);

    private final HealthCheck health;
    private final ObjectMapper mapper;

    HealthApi(HealthCheck health, ObjectMapper mapper) {
        this.health = health;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/health", ctx -> {
            HealthReport report = health.check();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", report.status().name().toLowerCase(Locale.ROOT));
            body.put("instance_id", report.instanceId());
            if (report.queueLagMs() != null) {
                body.put("queue_lag_ms", report.queueLagMs());
            }
            if (report.databaseError() != null) {
                log.warn("Health check: {}", report.databaseError());
                body.put("error", "the database does not answer");
            }
            if (report.status() == HealthReport.Status.DEGRADED) {
                body.put("error", "background worker failing: " + String.join(", ",
                        report.problems().stream().map(p -> p.worker()).toList()));
            }
            if (report.status() != HealthReport.Status.OK) {
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
                body.put("problems", problems(report));
            }
            JsonBody.send(ctx, mapper, body);
        });
    }

    private static List<Map<String, Object>> problems(HealthReport report) {
        List<Map<String, Object>> problems = new java.util.ArrayList<>();
        if (report.databaseError() != null) {
            problems.add(Map.of("component", "database", "error", "the database does not answer"));
        }
        report.problems().forEach(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("component", p.worker());
            // The type only: /health answers anyone, and a message may name internals.
            problem.put("error", p.errorType() + " (see the host's log)");
            problem.put("since", p.since().toString());
            problem.put("failures", p.failures());
            problems.add(problem);
        });
        return problems;
    }
}
