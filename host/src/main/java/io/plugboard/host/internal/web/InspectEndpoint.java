package io.plugboard.host.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.web.http.JsonBody;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.web.http.RouteGroup;
import io.plugboard.host.internal.inspector.CapturedRequest;
import io.plugboard.host.internal.inspector.Inboxes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /inspect/{id}}: the public receiving end of the request inspector. Like any webhook receiver
 * it needs no login (the unguessable id is the key); it keeps what arrives and answers 200, or 404
 * once the inbox is gone. Any instance serves any inbox: they are kept in the database.
 */
public final class InspectEndpoint implements RouteGroup {

    private final Inboxes inboxes;
    private final ObjectMapper mapper;

    public InspectEndpoint(Inboxes inboxes, ObjectMapper mapper) {
        this.inboxes = inboxes;
        this.mapper = mapper;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        String path = Inboxes.PATH_PREFIX + "{id}";
        routes.post(path, this::receive);
        routes.put(path, this::receive);
        routes.patch(path, this::receive);
        routes.delete(path, this::receive);
        routes.get(path, this::receive);
    }

    private void receive(Context ctx) {
        Optional<CapturedRequest> r = inboxes.record(ctx.pathParam("id"), ctx.method().name(), ctx.path(),
                ctx.queryString(), headers(ctx), ctx.bodyAsBytes(), ctx.ip());
        if (r.isEmpty()) {
            JsonBody.send(ctx.status(404), mapper, Map.of("error", "no inbox has this id; it may have expired or been deleted"));
            return;
        }
        JsonBody.send(ctx, mapper, Map.of("received", true, "number", r.get().number()));
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            out.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(Collections.list(ctx.req().getHeaders(name)));
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }
}
