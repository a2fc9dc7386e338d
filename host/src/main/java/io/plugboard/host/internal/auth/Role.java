package io.plugboard.host.internal.auth;

import io.plugboard.host.internal.common.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a signed-in person may do: an {@code admin} everything, a {@code viewer} look at every page and
 * every GET of the API but change nothing. Plugboard's own accounts store it in
 * {@code admin_users.role}; the embedding application's authenticator names it per request.
 */
public enum Role {

    ADMIN,
    VIEWER;

    /** @return the name used in the API, the admin and the database */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true if this role may change things (any request other than GET and HEAD) */
    public boolean mayChange() {
        return this == ADMIN;
    }

    /**
     * @param key {@code admin} or {@code viewer}; null means {@code admin}, as before roles existed
     * @throws ValidationException naming the field {@code role} for another value
     */
    public static Role parse(String key) {
        if (key == null) {
            return ADMIN;
        }
        return Arrays.stream(values()).filter(r -> r.key().equals(key.strip())).findFirst()
                .orElseThrow(() -> ValidationException.of("role", "role must be admin or viewer"));
    }

    /** A stored value; an unknown one (a newer version's) gets the least rights. */
    static Role stored(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst().orElse(VIEWER);
    }
}
