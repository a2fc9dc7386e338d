package io.plugboard.host.internal.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.auth.ApiTokens;
import io.plugboard.host.internal.auth.TokenScope;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.web.http.OpenApiDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /admin/tokens}: API tokens, listed by prefix; a new token's value is shown once, on creation. */
final class TokensPage {

    /** One operation of the API description, for the reference list on the page. */
    record Operation(String method, String path, String summary) {}

    private final ApiTokens tokens;
    private final AdminView view;
    private final List<Operation> reference;

    /** @param sections the API reference lists only the operations of the sections that are on */
    TokensPage(ApiTokens tokens, AdminView view, ObjectMapper mapper, SectionsConfig sections) {
        this.tokens = tokens;
        this.view = view;
        this.reference = operations(mapper, sections);
    }

    private static List<Operation> operations(ObjectMapper mapper, SectionsConfig sections) {
        List<Operation> out = new ArrayList<>();
        try {
            JsonNode paths = mapper.readTree(OpenApiDocument.text(sections)).path("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (op.getValue().has("summary") || op.getValue().has("operationId")) {
                    out.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            op.getValue().path("summary").asText("")));
                }
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API description is not valid JSON", e);
        }
        return List.copyOf(out);
    }

    void show(Context ctx) {
        render(ctx, null, null, "");
    }

    void create(Context ctx) {
        try {
            ApiTokens.Created created = tokens.create(ctx.formParam("name"), ctx.formParam("scope"));
            render(ctx, created, null, "");
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, null, String.join("; ", e.fieldErrors().values()), ctx.formParam("name"));
        }
    }

    void revoke(Context ctx) {
        tokens.revoke(ctx.pathParam("id"));
        view.flash(ctx, "Token revoked: requests using it are refused from now on.");
        ctx.redirect("/admin/tokens");
    }

    private void render(Context ctx, ApiTokens.Created created, String error, String name) {
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", tokens.list());
        model.put("created", created);
        model.put("error", error);
        model.put("name", name == null ? "" : name);
        model.put("reference", reference);
        model.put("scopes", java.util.Arrays.stream(TokenScope.values()).filter(TokenScope::hostWide).map(s -> Map.of("key", s.key(),
                "allows", s.allows())).toList());
        model.put("breadcrumbs", Crumb.trail("Settings", "/admin/settings", "API"));
        view.render(ctx, "tokens", "api", "API", model);
    }
}
