package io.plugboard.host.internal.web.admin;

import com.github.jknack.handlebars.Handlebars;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.web.http.Caller;
import io.plugboard.host.internal.contrib.PluginPages;
import io.plugboard.host.internal.contrib.PluginTemplates;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.web.http.ApiException;
import io.plugboard.sdk.web.AdminPage;
import io.plugboard.sdk.web.FormResult;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/plugins/{plugin_id}/{page}}: a plugin's page, its template rendered from the plugin's
 * jar and set inside the host's layout; a form posted to it goes to the page's submit handler, then
 * back to the page (post/redirect/get). A page of a plugin that is not running answers 404.
 */
final class PluginPagesHandler {

    private static final Logger log = LoggerFactory.getLogger(PluginPagesHandler.class);

    private final PluginPages pages;
    private final PluginTemplates templates;
    private final AdminView view;

    PluginPagesHandler(PluginPages pages, PluginTemplates templates, AdminView view) {
        this.pages = pages;
        this.templates = templates;
        this.view = view;
    }

    void show(Context ctx) {
        render(ctx, find(ctx), null);
    }

    /** The page with the plugin's model, and after an invalid submit its {@code form} and the error summary. */
    private void render(Context ctx, AdminPage page, Map<String, String> fieldErrors) {
        String pluginId = ctx.pathParam("plugin_id");
        Map<String, Object> model = new HashMap<>(callPlugin(pluginId, () -> page.model().apply(new PluginPageRequest(ctx))));
        model.put("pluginId", pluginId);
        model.put("title", page.title());
        model.put("base", view.base().value());
        Caller caller = ctx.attribute(AccessNames.CALLER_ATTRIBUTE);
        if (caller != null) {
            model.put("csrf", caller.csrfToken());
        }
        Map<String, Object> outer = new HashMap<>(Map.of("pluginId", pluginId));
        if (fieldErrors != null) {
            model.put("form", PluginForm.model(ctx, fieldErrors));
            outer.put("formErrors", PluginForm.summary(fieldErrors));
        }
        String body = callPlugin(pluginId, () -> templates.render(pluginId, page.template(), model));
        outer.put("body", new Handlebars.SafeString(body));
        view.render(ctx, "plugin-page", PluginPages.menuId(pluginId, page.name()), page.title(), outer);
    }

    /**
     * Post/redirect/get: done or redirect → the flash message and a 303; invalid → the page again,
     * 400 (as the host's own forms answer invalid input), with what was entered and the errors.
     */
    void submit(Context ctx) {
        String pluginId = ctx.pathParam("plugin_id");
        AdminPage page = find(ctx);
        if (page.onForm() == null) {
            throw new ApiException(405, "the page " + page.name() + " of plugin '" + pluginId + "' takes no form");
        }
        FormResult result = callPlugin(pluginId, () -> page.onForm().apply(new PluginPageRequest(ctx)));
        if (result == null) {
            result = FormResult.done(null);
        }
        if (result.isInvalid()) {
            ctx.status(400);
            render(ctx, page, result.fieldErrors());
            return;
        }
        if (result.flash() != null && !result.flash().isBlank()) {
            view.flash(ctx, result.flash());
        }
        String target = result.redirect() == null ? PluginPages.path(pluginId, page.name()) : result.redirect();
        ctx.redirect(target, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private AdminPage find(Context ctx) {
        String pluginId = ctx.pathParam("plugin_id");
        String name = ctx.pathParam("page");
        return pages.find(pluginId, name).orElseThrow(() -> new NotFoundException(
                "no page '" + name + "' of a running plugin '" + pluginId + "'"));
    }

    /** Plugin code: bad input it reports is a 400 with its message; anything else a 500, logged with its id. */
    private static <T> T callPlugin(String pluginId, Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage() == null ? "the plugin refused the request" : e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            log.error("The admin page of plugin '{}' failed", pluginId, e);
            throw new ApiException(500, "the plugin '" + pluginId + "' failed to answer; the server log has the details");
        }
    }
}
