package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.secrets.SecretInUseException;
import io.plugboard.host.internal.secrets.SecretService;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/secrets}: add a named secret (or replace its value), list names and dates, delete one
 * no webhook uses. Values are write-only: the page never shows one.
 */
final class SecretsPage {

    private final SecretService secrets;
    private final AdminView view;

    SecretsPage(SecretService secrets, AdminView view) {
        this.secrets = secrets;
        this.view = view;
    }

    void show(Context ctx) {
        render(ctx, "", Map.of());
    }

    void add(Context ctx) {
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name");
        try {
            boolean created = secrets.put(DefaultApp.ID, name, ctx.formParam("value"));
            view.flash(ctx, "Secret " + name.strip() + (created ? " added." : " replaced.")
                    + " Use it as {{secret \"" + name.strip() + "\"}} in a template or header value.");
            ctx.redirect("/admin/secrets");
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, name, e.fieldErrors());
        }
    }

    void delete(Context ctx) {
        String name = ctx.pathParam("name");
        try {
            secrets.delete(DefaultApp.ID, name);
            view.flash(ctx, "Secret " + name + " deleted.");
            ctx.redirect("/admin/secrets");
        } catch (SecretInUseException e) {
            ctx.status(409);
            render(ctx, "", Map.of("delete", e.getMessage()));
        }
    }

    private void render(Context ctx, String name, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("secrets", secrets.list(DefaultApp.ID));
        model.put("name", name);
        model.put("errors", errors);
        view.render(ctx, "secrets", "secrets", "Secrets", model);
    }
}
