package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.auth.Sessions;
import io.plugboard.host.internal.web.AccessControl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The values every admin page's layout needs: site name, navigation, title, flash message. */
final class Layout {

    record NavItem(String label, String href, boolean active) {}

    private static final List<String[]> NAV = List.of(
            new String[] {"webhooks", "Webhooks", "/admin/webhooks"},
            new String[] {"events", "Events", "/admin/events"},
            new String[] {"plugins", "Plugins", "/admin/plugins"},
            new String[] {"api", "API", "/admin/tokens"});

    private final String siteName;
    private final String version;
    private final String notice;

    Layout(String siteName, String version, String notice) {
        this.siteName = siteName;
        this.version = version;
        this.notice = notice;
    }

    /** @param section which navigation entry is current */
    Map<String, Object> model(Context ctx, String section, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("siteName", siteName);
        model.put("version", version);
        model.put("title", title);
        model.put("nav", NAV.stream().map(n -> new NavItem(n[1], n[2], n[0].equals(section))).toList());
        model.put("flash", Flash.take(ctx));
        model.put("notice", notice);
        // Set by AccessControl for every page behind the login; absent on the login and setup pages.
        Sessions.Session session = ctx.attribute(AccessControl.SESSION_ATTRIBUTE);
        if (session != null) {
            model.put("user", session.username());
            model.put("csrf", session.csrfToken());
        }
        return model;
    }
}
