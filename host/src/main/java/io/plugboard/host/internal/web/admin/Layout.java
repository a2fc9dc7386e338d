package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.web.http.Caller;
import io.plugboard.host.internal.web.http.AccessNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The values every admin page's layout needs: site name, menu, title, breadcrumbs, flash message. */
final class Layout {

    private final String siteName;
    private final String version;
    private final String notice;
    private final Navigation menu;
    private final String htmxPath;

    Layout(String siteName, String version, String notice, Navigation menu, String htmxPath) {
        this.siteName = siteName;
        this.version = version;
        this.notice = notice;
        this.menu = menu;
        this.htmxPath = htmxPath;
    }

    /** @param section which menu entry is current */
    Map<String, Object> model(Context ctx, String section, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("siteName", siteName);
        model.put("version", version);
        model.put("title", title);
        List<Navigation.Entry> entries = menu.entries(section, ctx.path());
        model.put("menu", entries);
        model.put("nav", entries);
        model.put("flash", Flash.take(ctx));
        model.put("notice", notice);
        model.put("htmxPath", htmxPath);
        // Set by AccessControl for every page behind the login; absent on the login and setup pages.
        Caller caller = ctx.attribute(AccessNames.CALLER_ATTRIBUTE);
        if (caller != null) {
            model.put("user", caller.name());
            model.put("csrf", caller.csrfToken());
            // The application's principal logs out with the application (no link without its URL).
            model.put("ownLogout", !caller.fromApp());
            model.put("appLogout", caller.logoutUrl());
            model.put("readOnly", !caller.role().mayChange());
        }
        return model;
    }
}
