package io.plugboard.host.internal.contrib;

import io.plugboard.sdk.Registration;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.Hooks;
import io.plugboard.sdk.hooks.MenuEntry;
import io.plugboard.sdk.web.AdminPage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin pages of the running plugins, by plugin and name. A page with a menu label adds its entry
 * to the admin menu through {@link CoreHooks#ADMIN_MENU}, as a filter owned by its plugin.
 */
public final class PluginPages {

    /** Names under {@code /admin/plugins/<id>/} that belong to the host. */
    public static final Set<String> RESERVED = Set.of("settings", "activate", "deactivate", "uninstall", "upload",
            "delete", "downgrade", "update", "auto-update");

    /** A page and the handle of its menu entry. */
    private record Added(AdminPage page, Registration menu) {}

    private final Map<String, Map<String, Added>> pages = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException if the page's name is one of the host's ({@link #RESERVED}) */
    static void requireFreeName(AdminPage page) {
        if (RESERVED.contains(page.name())) {
            throw new IllegalArgumentException("the page name '" + page.name() + "' is reserved by the host");
        }
    }

    Registration add(String pluginId, Hooks pluginHooks, AdminPage page) {
        requireFreeName(page);
        Map<String, Added> own = pages.computeIfAbsent(pluginId, k -> new ConcurrentHashMap<>());
        Registration menu = page.menuLabel() == null ? () -> { } : pluginHooks.addFilter(CoreHooks.ADMIN_MENU,
                m -> m.with(new MenuEntry(menuId(pluginId, page.name()), page.menuLabel(),
                        path(pluginId, page.name()))));
        Added added = new Added(page, menu);
        Added replaced = own.put(page.name(), added);
        if (replaced != null) {
            replaced.menu().remove();
        }
        return () -> {
            if (own.remove(page.name(), added)) {
                menu.remove();
            }
        };
    }

    /** @return the page, if its plugin is running and added it */
    public Optional<AdminPage> find(String pluginId, String name) {
        return Optional.ofNullable(pages.getOrDefault(pluginId, Map.of()).get(name)).map(Added::page);
    }

    /** @return how many pages the plugin has */
    public int countOf(String pluginId) {
        return pages.getOrDefault(pluginId, Map.of()).size();
    }

    void removeAll(String pluginId) {
        pages.remove(pluginId);
    }

    /** @return the id of the page's menu entry, which is also the section the layout marks current */
    public static String menuId(String pluginId, String name) {
        return "plugin:" + pluginId + ":" + name;
    }

    public static String path(String pluginId, String name) {
        return "/admin/plugins/" + pluginId + "/" + name;
    }
}
