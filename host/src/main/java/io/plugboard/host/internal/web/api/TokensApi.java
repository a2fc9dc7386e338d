package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.auth.ApiTokens;
import java.util.Set;

/** {@code /api/v1/tokens}: create with a scope (the value is in that one answer), list by prefix, revoke. */
final class TokensApi {

    record CreatedJson(ApiTokens.ApiToken token, String value) {}

    private final ApiTokens tokens;
    private final ObjectMapper mapper;

    TokensApi(ApiTokens tokens, ObjectMapper mapper) {
        this.tokens = tokens;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/tokens", ctx -> JsonBody.send(ctx, mapper, ListJson.of(tokens.list())));
        routes.post("/api/v1/tokens", ctx -> {
            JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("name", "scope"));
            ApiTokens.Created created = tokens.create(in.string("name"), in.string("scope"));
            JsonBody.send(ctx.status(201), mapper, new CreatedJson(created.token(), created.value()));
        });
        routes.delete("/api/v1/tokens/{id}", ctx -> {
            tokens.revoke(ctx.pathParam("id"));
            ctx.status(204);
        });
    }
}
