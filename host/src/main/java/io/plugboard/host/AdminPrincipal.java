package io.plugboard.host;

import java.util.Objects;

/**
 * Someone the embedding application vouches for, as its {@link AdminAuthenticator} answers.
 *
 * @param name who it is, shown in the admin's top bar and logged with what they change; 1 to 200
 *             characters, no control characters
 * @param role what they may do
 */
public record AdminPrincipal(String name, Role role) {

    /** What a principal may do. */
    public enum Role {
        /** Everything: every admin page, form and API call. */
        ADMIN,
        /**
         * Looking only: every admin page and every GET of the API; every change (an admin form,
         * an htmx action, an API POST, PUT, PATCH or DELETE) is refused with 403.
         */
        VIEWER
    }

    /**
     * @throws IllegalArgumentException for a blank or over-long name, or one with control characters
     * @throws NullPointerException for a null name or role
     */
    public AdminPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a principal's name must be 1 to 200 characters without control characters");
        }
    }

    /**
     * @param name who it is
     * @return a principal who may do everything
     */
    public static AdminPrincipal admin(String name) {
        return new AdminPrincipal(name, Role.ADMIN);
    }

    /**
     * @param name who it is
     * @return a principal who may look but not change anything
     */
    public static AdminPrincipal viewer(String name) {
        return new AdminPrincipal(name, Role.VIEWER);
    }
}
