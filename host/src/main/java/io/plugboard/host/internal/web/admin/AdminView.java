package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import java.util.Map;

/** Renders an admin page inside the shared layout. */
public final class AdminView {

    private final Templates templates;
    private final Layout layout;

    /** @param notice shown on every page, e.g. that the outbound guard is relaxed; null for none */
    public AdminView(Templates templates, String siteName, String version, String notice) {
        this.templates = templates;
        this.layout = new Layout(siteName, version, notice);
    }

    /**
     * @param section the navigation entry to highlight
     * @param page the page's own values, added to the layout's
     */
    void render(Context ctx, String template, String section, String title, Map<String, Object> page) {
        Map<String, Object> model = layout.model(ctx, section, title);
        model.putAll(page);
        ctx.header("Cache-Control", "no-store");
        ctx.html(templates.render(template, model));
    }
}
