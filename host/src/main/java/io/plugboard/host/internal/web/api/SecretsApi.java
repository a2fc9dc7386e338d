package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.secrets.SecretService;
import java.util.Set;

/**
 * {@code /api/v1/secrets} and {@code /api/v1/apps/{app}/secrets}: store a named value in the application (201
 * when new, 200 when replaced; the value is never returned), list names and dates, delete (409 while a webhook
 * of the application refers to it). Each application has its own names: another's secret is not found.
 */
final class SecretsApi {

    private final SecretService secrets;
    private final ObjectMapper mapper;
    private final AppScopes scopes;

    SecretsApi(SecretService secrets, ObjectMapper mapper, AppScopes scopes) {
        this.scopes = scopes;
        this.secrets = secrets;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        for (String path : AppScopes.paths("/secrets")) {
            routes.get(path, ctx -> JsonBody.send(ctx, mapper, ListJson.of(secrets.list(scopes.id(ctx)))));
            routes.post(path, this::put);
            routes.delete(path + "/{name}", ctx -> {
                secrets.delete(scopes.id(ctx), ctx.pathParam("name"));
                ctx.status(204);
            });
        }
    }

    private void put(Context ctx) {
        String app = scopes.id(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("name", "value"));
        String name = in.string("name");
        boolean created = secrets.put(app, name, in.string("value"));
        String stored = name.strip();
        JsonBody.send(ctx.status(created ? 201 : 200).header("Location", AppScopes.location(ctx, "/secrets/" + stored)),
                mapper, secrets.list(app).stream().filter(s -> s.name().equals(stored)).findFirst().orElseThrow());
    }
}
