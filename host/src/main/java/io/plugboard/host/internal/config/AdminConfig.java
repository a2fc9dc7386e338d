package io.plugboard.host.internal.config;

import io.plugboard.host.internal.auth.PasswordHashing;
import java.time.Duration;

/**
 * The admin accounts' configuration.
 *
 * @param initialUser the first admin, created at start while no admin exists, or null for the setup form
 * @param initialPassword that admin's password, or null; never logged
 * @param sessionIdleTimeout how long an admin session lasts without a request
 * @param login who signs people in: the embedding application, Plugboard's own accounts, or both
 * @param passwordHashing how new passwords are hashed ({@link PasswordHashing#standard()} but in the host's tests)
 */
public record AdminConfig(String initialUser, String initialPassword, Duration sessionIdleTimeout, LoginConfig login,
                          PasswordHashing passwordHashing) {

    /** Leaves the password out, so logging the configuration cannot leak it. */
    @Override
    public String toString() {
        return "AdminConfig[initialUser=" + initialUser + ", sessionIdleTimeout=" + sessionIdleTimeout
                + ", login=" + login + ", passwordHashing=" + passwordHashing + "]";
    }
}
