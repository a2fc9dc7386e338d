package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.ValidationException;
import io.plugboard.host.internal.auth.ApiTokens;
import java.util.HashMap;
import java.util.Map;

/** {@code /admin/tokens}: API tokens, listed by prefix; a new token's value is shown once, on creation. */
final class TokensPage {

    private final ApiTokens tokens;
    private final AdminView view;

    TokensPage(ApiTokens tokens, AdminView view) {
        this.tokens = tokens;
        this.view = view;
    }

    void show(Context ctx) {
        render(ctx, null, null, "");
    }

    void create(Context ctx) {
        try {
            ApiTokens.Created created = tokens.create(ctx.formParam("name"));
            render(ctx, created, null, "");
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, null, e.fieldErrors().get("name"), ctx.formParam("name"));
        }
    }

    void revoke(Context ctx) {
        tokens.revoke(ctx.pathParam("id"));
        Flash.set(ctx, "Token revoked: requests using it are refused from now on.");
        ctx.redirect("/admin/tokens");
    }

    private void render(Context ctx, ApiTokens.Created created, String error, String name) {
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", tokens.list());
        model.put("created", created);
        model.put("error", error);
        model.put("name", name == null ? "" : name);
        view.render(ctx, "tokens", "api", "API tokens", model);
    }
}
