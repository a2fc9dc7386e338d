package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.BrandingConfig;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.web.http.Caller;
import io.plugboard.host.internal.web.http.AccessNames;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values every admin page's layout needs: site name, branding, menu, title, breadcrumbs, flash
 * message, which optional sections are on (pages hide their links to sections that are off), and
 * {@code base}, the base path every template writes before the Plugboard-relative paths of its links,
 * forms, assets and htmx requests ({@code href="{{base}}/admin/webhooks"}).
 */
final class Layout {

    /** Where the generated stylesheet with the primary colour is served (see {@link BrandStylesheet}). */
    static final String BRAND_CSS = "/plugboard/brand.css";

    private final String siteName;
    private final String version;
    private final String notice;
    private final Navigation menu;
    private final String htmxPath;
    private final BasePath base;
    private final Flash flash;
    private final Map<String, Object> branding;
    private final Map<String, Boolean> sections;
    private final HeadTags head;

    Layout(String siteName, String version, String notice, Navigation menu, String htmxPath, BasePath base,
           Flash flash, BrandingConfig branding, SectionsConfig sections, HeadTags head) {
        this.head = head;
        this.base = base;
        this.flash = flash;
        this.siteName = siteName;
        this.version = version;
        this.notice = notice;
        this.menu = menu;
        this.htmxPath = htmxPath;
        Map<String, Object> brand = new HashMap<>(); // null values: the template leaves that part out
        brand.put("logoUrl", branding.logoUrl());
        brand.put("colorCss", branding.primaryColor() == null ? null : BRAND_CSS);
        brand.put("stylesheet", branding.stylesheetUrl());
        brand.put("footer", branding.footer());
        this.branding = Collections.unmodifiableMap(brand);
        this.sections = Map.of("upload", sections.upload(), "inspector", sections.inspector(), "inbound", sections.inbound(),
                "testConsole", sections.testConsole(), "secrets", sections.secrets());
    }

    /** @param section which menu entry is current */
    Map<String, Object> model(Context ctx, String section, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("siteName", siteName);
        model.put("version", version);
        model.put("title", title);
        String path = base.relative(ctx.path());
        List<Navigation.Entry> entries = menu.entries(section, path == null ? "" : path);
        model.put("menu", entries);
        model.put("nav", entries);
        model.put("flash", flash.take(ctx));
        model.put("base", base.value());
        model.put("notice", notice);
        model.put("htmxPath", htmxPath);
        model.put("brand", branding);
        model.put("sections", sections);
        model.put("headTags", head.tags());
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
