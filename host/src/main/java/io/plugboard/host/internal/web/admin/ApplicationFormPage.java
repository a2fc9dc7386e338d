package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.ValidationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /admin/applications/new} and {@code /admin/applications/{app}/edit}: one form for both. A refusal shows
 * the form again, as typed, with each message at its field (400; a taken uid 409); nothing is stored then.
 */
final class ApplicationFormPage {

    private final Applications apps;
    private final AdminView view;

    ApplicationFormPage(Applications apps, AdminView view) {
        this.apps = apps;
        this.view = view;
    }

    void blank(Context ctx) {
        Map<String, String> empty = new LinkedHashMap<>();
        ApplicationForm.FIELDS.forEach(f -> empty.put(f, ""));
        render(ctx, null, empty, Map.of());
    }

    void edit(Context ctx) {
        Application a = apps.get(ctx.pathParam("app"));
        render(ctx, a, ApplicationForm.of(a), Map.of());
    }

    void create(Context ctx) {
        Map<String, String> typed = ApplicationForm.typed(ctx);
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            Application created = apps.create(ApplicationForm.draft(typed, problems), problems);
            view.flash(ctx, "Application \u201c" + created.name() + "\u201d created.");
            ctx.redirect("/admin/applications", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, null, typed, e.fieldErrors());
        } catch (ConflictException e) {
            ctx.status(409);
            render(ctx, null, typed, Map.of("uid", e.getMessage()));
        }
    }

    void update(Context ctx) {
        Application a = apps.get(ctx.pathParam("app"));
        Map<String, String> typed = ApplicationForm.typed(ctx);
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            Application changed = apps.update(a.id(), ApplicationForm.draft(typed, problems), problems);
            view.flash(ctx, "Application \u201c" + changed.name() + "\u201d saved.");
            ctx.redirect("/admin/applications", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, a, withUid(typed, a), e.fieldErrors());
        } catch (ConflictException e) {
            ctx.status(409);
            render(ctx, a, withUid(typed, a), Map.of("uid", e.getMessage()));
        }
    }

    /** The default's uid field is disabled, so not sent (the service refuses any other): shown as stored. */
    private static Map<String, String> withUid(Map<String, String> typed, Application a) {
        if (typed.get("uid") == null) {
            typed.put("uid", a.uid());
        }
        return typed;
    }

    /** @param app the application edited, or null for a new one */
    private void render(Context ctx, Application app, Map<String, String> values, Map<String, String> fieldErrors) {
        Map<String, Object> model = new HashMap<>();
        model.put("app", app);
        model.put("values", values);
        Map<String, String> errors = ApplicationForm.errors(fieldErrors);
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("defaultApp", app != null && app.isDefault());
        model.put("action", app == null ? "/admin/applications" : "/admin/applications/" + app.id());
        String title = app == null ? "Add application" : "Edit application";
        model.put("breadcrumbs", app == null ? Crumb.trail("Applications", "/admin/applications", "Add")
                : Crumb.trail("Applications", "/admin/applications", app.name()));
        view.render(ctx, "application-form", "applications", title, model);
    }
}
