package io.plugboard.sdk.hooks;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@link CoreHooks#ADMIN_HOME}: the widgets shown at the top of the admin's home
 * ({@code /admin}, the webhooks list), in order. The host adds none of its own.
 *
 * @param widgets the widgets
 */
public record AdminHome(List<AdminWidget> widgets) {

    /** Copies the list. */
    public AdminHome {
        widgets = List.copyOf(widgets);
    }

    /** @param widget added at the end @return the home with it */
    public AdminHome with(AdminWidget widget) {
        List<AdminWidget> more = new ArrayList<>(widgets);
        more.add(widget);
        return new AdminHome(more);
    }
}
