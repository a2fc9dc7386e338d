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
     * @throws IllegalArgumentException if the name is reserved
     */
    Registration add(AdminPage page);
}
