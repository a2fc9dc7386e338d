package io.plugboard.sdk.hooks;

import java.util.Objects;

/**
 * One entry of the admin's navigation.
 *
 * @param id a stable id; the host's own are {@code webhooks}, {@code events}, {@code plugins},
 *           {@code api}, {@code secrets}, {@code inspector}, {@code deliveries} and
 *           {@code settings}; a plugin page's is {@code plugin:<plugin id>:<page>}
 * @param label the text shown
 * @param href the link, a path under {@code /admin}; when the host is mounted under a base path
 *             ({@code /plugboard}) it adds it, so write {@code /admin/plugins/my-plugin/report} either way
 */
public record MenuEntry(String id, String label, String href) {

    /** Checks that nothing is missing and the link stays inside the admin. */
    public MenuEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(href, "href");
        if (!href.equals("/admin") && !href.startsWith("/admin/")) {
            throw new IllegalArgumentException("a menu entry links to a path under /admin, not " + href);
        }
    }
}
