package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.auth.ApiTokens;
import java.util.Set;

/**
 * {@code /api/v1/tokens}: create with a scope, for the whole host or one application ({@code app}: its id or
 * uid); the value is in that one answer; list by prefix, revoke.
 */
final class TokensApi {

    record CreatedJson(ApiTokens.ApiToken token, String value) {}

    private final ApiTokens tokens;
    private final Applications apps;
    private final ObjectMapper mapper;

    TokensApi(ApiTokens tokens, Applications apps, ObjectMapper mapper) {
        this.tokens = tokens;
        this.apps = apps;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/tokens", ctx -> JsonBody.send(ctx, mapper, ListJson.of(tokens.list())));
        routes.post("/api/v1/tokens", ctx -> {
            JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("name", "scope", "app"));
            ApiTokens.Created created = tokens.create(in.string("name"), in.string("scope"), appId(in.string("app")));
            JsonBody.send(ctx.status(201), mapper, new CreatedJson(created.token(), created.value()));
        });
        routes.delete("/api/v1/tokens/{id}", ctx -> {
            tokens.revoke(ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    /** @return the id of the application the body names (a field to fix, not a missing resource), or null */
    private String appId(String ref) {
        if (ref == null) {
            return null;
        }
        try {
            return apps.get(ref).id();
        } catch (NotFoundException e) {
            throw ValidationException.of("app", "app must be the id or uid of an existing application; "
                    + e.getMessage());
        }
    }
}
