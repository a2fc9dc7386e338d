package io.plugboard.host.internal.web.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.HttpStatus;
import io.plugboard.host.internal.instances.Instances;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}, for load balancers and monitoring, without credentials: {@code ok} with this
 * instance's id and the queue lag (how long the oldest due delivery has been waiting), or 503 when
 * the database does not answer.
 */
final class HealthApi {

    private static final Logger log = LoggerFactory.getLogger(HealthApi.class);

    private final Instances instances;

    HealthApi(Instances instances) {
        this.instances = instances;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/health", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            try {
                long lag = instances.queueLagMs();
                body.put("status", "ok");
                body.put("instance_id", instances.id());
                body.put("queue_lag_ms", lag);
            } catch (RuntimeException e) {
                log.warn("Health check: the database does not answer: {}", e.toString());
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
                body.put("error", "the database does not answer");
                body.put("status", "unavailable");
                body.put("instance_id", instances.id());
            }
            ctx.json(body);
        });
    }
}
