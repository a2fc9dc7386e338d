package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.sdk.hooks.AdminMenu;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.MenuEntry;
import io.plugboard.host.internal.config.SectionsConfig;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The admin's left navigation, built from one list. Pages name their section by the entry's id; on
 * every render the list passes through {@link CoreHooks#ADMIN_MENU}, where plugins add their pages'
 * entries (and embedders may reorder or remove entries).
 */
final class Navigation {

    /** One rendered entry; {@code current} is the {@code aria-current} value, or null when not current. */
    record Entry(String key, String label, String href, String current) {

        public boolean active() {
            return current != null;
        }
    }

    /** The built-in sections, in menu order. A new section is one more line here. */
    static final AdminMenu STANDARD = new AdminMenu(List.of(
            new MenuEntry("dashboard", "Dashboard", "/admin"),
            new MenuEntry("webhooks", "Webhooks", "/admin/webhooks"),
            new MenuEntry("applications", "Applications", "/admin/applications"),
            new MenuEntry("events", "Events", "/admin/events"),
            new MenuEntry("deliveries", "Deliveries", "/admin/deliveries"),
            new MenuEntry("inbound", "Inbound", "/admin/inbound"),
            new MenuEntry("inspector", "Inspector", "/admin/inspector"),
            new MenuEntry("plugins", "Plugins", "/admin/plugins"),
            new MenuEntry("secrets", "Secrets", "/admin/secrets"),
            new MenuEntry("settings", "Settings", "/admin/settings"),
            new MenuEntry("api", "API", "/admin/tokens")));

    private final AdminMenu items;
    private final HookRunner hooks;
    private final BooleanSupplier receiversAvailable;

    /**
     * @param receiversAvailable whether a receiver plugin is running: the Inbound entry is shown only
     *     then (its pages stay reachable and say that none is installed)
     */
    Navigation(AdminMenu items, HookRunner hooks, BooleanSupplier receiversAvailable) {
        this.items = items;
        this.hooks = hooks;
        this.receiversAvailable = receiversAvailable;
    }

    /** @return the standard menu without the entries of the sections that are off */
    static AdminMenu standard(SectionsConfig sections) {
        Map<String, Boolean> on = Map.of("inbound", sections.inbound(), "inspector", sections.inspector(),
                "secrets", sections.secrets());
        return new AdminMenu(STANDARD.entries().stream().filter(e -> on.getOrDefault(e.id(), true)).toList());
    }

    /**
     * @param section the id of the current page's section ("" for none)
     * @param path the Plugboard-relative request path: the entry linking to exactly it is the {@code page}, an entry whose
     *     section is current but which links elsewhere (a sub-page) is marked {@code true}
     */
    List<Entry> entries(String section, String path) {
        AdminMenu shown = receiversAvailable.getAsBoolean() ? items
                : new AdminMenu(items.entries().stream().filter(e -> !e.id().equals("inbound")).toList());
        AdminMenu menu = hooks.has(CoreHooks.ADMIN_MENU) ? hooks.applyFilters(CoreHooks.ADMIN_MENU, shown) : shown;
        return menu.entries().stream()
                .map(e -> new Entry(e.id(), e.label(), e.href(), current(e, section, path)))
                .toList();
    }

    private static String current(MenuEntry entry, String section, String path) {
        if (entry.href().equals(path)) {
            return "page";
        }
        return entry.id().equals(section) ? "true" : null;
    }
}
