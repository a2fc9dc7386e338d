package io.plugboard.sdk.hooks;

import java.util.Objects;

/**
 * One box on the admin's home ({@link AdminHome}). Everything is shown as text (escaped).
 *
 * @param id a stable id; a plugin's should start with its id
 * @param title the heading
 * @param text one or a few sentences
 * @param href null, or a link under {@code /admin} (the base path is added)
 */
public record AdminWidget(String id, String title, String text, String href) {

    /** Checks that nothing is missing and the link stays inside the admin. */
    public AdminWidget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if (href != null && !href.equals("/admin") && !href.startsWith("/admin/")) {
            throw new IllegalArgumentException("a widget links to a path under /admin, not " + href);
        }
    }
}
