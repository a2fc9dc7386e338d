package io.plugboard.sdk.hooks;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@link CoreHooks#ADMIN_MENU}: the admin's navigation, in order.
 *
 * @param entries the entries, top first
 */
public record AdminMenu(List<MenuEntry> entries) {

    /** Copies the list. */
    public AdminMenu {
        entries = List.copyOf(entries);
    }

    /** @param entry added at the end @return a menu with the entry */
    public AdminMenu with(MenuEntry entry) {
        List<MenuEntry> more = new ArrayList<>(entries);
        more.add(entry);
        return new AdminMenu(more);
    }

    /** @param id an entry's id @return a menu without that entry */
    public AdminMenu without(String id) {
        return new AdminMenu(entries.stream().filter(e -> !e.id().equals(id)).toList());
    }
}
