package io.plugboard.sdk.web;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who makes a request to a plugin's JSON route or admin page, as the host authenticated them.
 *
 * <p>Scopes are the host's API token scopes: {@code admin} (everything) and {@code read} (GET and HEAD).
 * A token has its own scope; an admin account or the application's principal has {@code admin} with the
 * role {@code admin} and {@code read} with the role {@code viewer}.
 *
 * @param kind how they signed in
 * @param id the account's or token's id; {@code ""} for the application's principal
 * @param name the account's user name, the token's name, or the application principal's name
 * @param role {@code admin} or {@code viewer} (a token with the {@code admin} scope counts as {@code admin})
 * @param scopes what they may do, e.g. {@code [read]}
 */
public record Caller(Kind kind, String id, String name, String role, Set<String> scopes) {

    /** The scope that allows everything. */
    public static final String ADMIN_SCOPE = "admin";
    /** The scope that allows reading (GET and HEAD). */
    public static final String READ_SCOPE = "read";

    /** How a caller signed in. */
    public enum Kind {
        /** A Plugboard account signed in to the admin (a session cookie). */
        SESSION,
        /** A Plugboard account sending its user name and password with HTTP Basic (API only). */
        BASIC,
        /** An API token ({@code Authorization: Bearer}; API only). */
        TOKEN,
        /** The embedding application's own signed-in user. */
        APPLICATION;

        /** @return the name in lower case, e.g. {@code token} */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Copies the scopes and checks that nothing is missing. */
    public Caller {
        Objects.requireNonNull(kind, "kind");
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        role = Objects.requireNonNull(role, "role");
        scopes = Set.copyOf(scopes);
    }

    /** @param scope e.g. {@code read} @return true if they have it, or {@code admin}, which includes every scope */
    public boolean hasScope(String scope) {
        return scopes.contains(ADMIN_SCOPE) || scopes.contains(scope);
    }

    /** @return true if they may change things (role {@code admin}) */
    public boolean isAdmin() {
        return "admin".equals(role);
    }
}
