package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.InputException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.repository.AvailablePlugin;
import io.plugboard.host.internal.repository.RepositoryListing;
import io.plugboard.host.internal.repository.RepositoryService;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.web.http.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/plugins/new}, *Add plugin*: the plugins the repositories offer, searched with a plain
 * query box (a GET form, so it works without JavaScript), each with *Install* for the newest release
 * this host can run; a repository that cannot be read is named with why, above the others' plugins.
 */
final class PluginRepositoryPage {

    private final RepositoryService repository;
    private final AdminView view;

    PluginRepositoryPage(RepositoryService repository, AdminView view) {
        this.repository = repository;
        this.view = view;
    }

    void show(Context ctx) {
        render(ctx, null);
    }

    void install(Context ctx) {
        String id = ctx.formParam("id");
        if (id == null || id.isBlank()) {
            ctx.status(400);
            render(ctx, "Choose a plugin to install.");
            return;
        }
        PluginReport report;
        try {
            report = repository.install(id.strip(), blankToNull(ctx.formParam("version")), actor(ctx));
        } catch (InputException e) {
            ctx.status(e.status());
            render(ctx, e instanceof ValidationException v ? String.join("; ", v.fieldErrors().values()) : e.getMessage());
            return;
        }
        view.flash(ctx, "Plugin \u201c" + report.id() + "\u201d " + report.version() + " installed; it is "
                + report.state() + (report.reason() == null ? "." : ": " + report.reason()));
        ctx.redirect("/admin/plugins");
    }

    private void render(Context ctx, String error) {
        String query = ctx.queryParam("q");
        RepositoryListing listing = repository.listing();
        List<AvailablePlugin> found = listing.plugins().stream().filter(p -> p.matches(query)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("configured", repository.configured());
        model.put("query", query == null ? "" : query);
        model.put("available", found);
        model.put("total", listing.plugins().size());
        model.put("repositoryErrors", listing.errors());
        model.put("error", error);
        model.put("breadcrumbs", Crumb.trail("Plugins", "/admin/plugins", "Add plugin"));
        view.render(ctx, "plugin-new", "plugins", "Add plugin", model);
    }

    /** @return who clicked, for the plugin's history */
    static String actor(Context ctx) {
        Caller caller = ctx.attribute(AccessNames.CALLER_ATTRIBUTE);
        return caller == null ? "admin" : caller.name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
