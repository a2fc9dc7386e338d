package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.web.http.JsonBody;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.instances.InstanceInfo;
import io.plugboard.host.internal.instances.Instances;
import io.plugboard.host.internal.instances.VersionSkew;
import java.util.List;

/**
 * {@code GET /api/v1/instances}: the host instances sharing this database, the plugin versions each
 * runs, where they disagree, and the queue lag.
 */
final class InstancesApi {

    private final Instances instances;
    private final ObjectMapper mapper;

    InstancesApi(Instances instances, ObjectMapper mapper) {
        this.instances = instances;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/instances", ctx -> {
            List<InstanceInfo> all = instances.list();
            JsonBody.send(ctx, mapper, new Listing(all, all.size(), instances.id(), instances.queueLagMs(), VersionSkew.of(all)));
        });
    }

    /**
     * @param thisInstance the id of the instance that answered
     * @param queueLagMs how long the oldest due delivery has been waiting, whichever instance holds it
     * @param pluginVersionsDiffer one line per plugin the live instances do not run alike
     */
    record Listing(List<InstanceInfo> data, int total, String thisInstance, long queueLagMs,
                   List<String> pluginVersionsDiffer) {}
}
