package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.secrets.SecretService;
import java.util.Set;

/**
 * {@code /api/v1/secrets}: store a named value (201 when new, 200 when replaced; the value is never
 * returned), list names and dates, delete (409 while a webhook refers to it).
 */
final class SecretsApi {

    private final SecretService secrets;
    private final ObjectMapper mapper;

    SecretsApi(SecretService secrets, ObjectMapper mapper) {
        this.secrets = secrets;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/secrets", ctx -> JsonBody.send(ctx, mapper, ListJson.of(secrets.list())));
        routes.post("/api/v1/secrets", ctx -> {
            JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("name", "value"));
            String name = in.string("name");
            boolean created = secrets.put(name, in.string("value"));
            String stored = name.strip();
            JsonBody.send(ctx.status(created ? 201 : 200).header("Location", "/api/v1/secrets/" + stored), mapper,
                    secrets.list().stream().filter(s -> s.name().equals(stored)).findFirst().orElseThrow());
        });
        routes.delete("/api/v1/secrets/{name}", ctx -> {
            secrets.delete(ctx.pathParam("name"));
            ctx.status(204);
        });
    }
}
