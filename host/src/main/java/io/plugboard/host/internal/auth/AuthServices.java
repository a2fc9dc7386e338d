package io.plugboard.host.internal.auth;

import java.util.Optional;

/**
 * What the web layer needs to know who is calling.
 *
 * @param verified HTTP Basic pairs checked a moment ago; the same one must be given to {@code throttle}
 *                 (as its lockout listener) and is given to {@link #accounts()}, which forget from it
 */
public record AuthServices(AdminUsers users, Sessions sessions, ApiTokens tokens, LoginThrottle throttle,
                           VerifiedCredentials verified) {

    /** @return changes to admin accounts made by a signed-in admin */
    public AccountChanges accounts() {
        return new AccountChanges(users, sessions, throttle, verified);
    }

    /**
     * The password check of HTTP Basic: Argon2id, unless this pair passed it within
     * {@link VerifiedCredentials#TTL}. The caller checks the throttle first and counts a failure.
     *
     * @return the admin whose credentials these are
     */
    public Optional<AdminUsers.AdminUser> verifyBasic(String username, String password) {
        return verified.verify(username, password, () -> users.verify(username, password));
    }
}
