package io.plugboard.sdk.web;

import io.plugboard.sdk.Registration;

/**
 * Where a plugin adds pages to the admin. The names {@code settings}, {@code activate},
 * {@code deactivate}, {@code uninstall} and {@code upload} are the host's.
 */
public interface AdminPages {

    /**
     * @param page the page; replaces an earlier one of the same name
     * @return the handle that removes the page (and its menu entry)
     * @throws IllegalArgumentException if the name is reserved, or the page's template is not in the plugin's
     *     own jar (the message names the path and where it was looked for); thrown from {@code start()}, it
     *     fails the plugin's start with that message
     */
    Registration add(AdminPage page);
}
