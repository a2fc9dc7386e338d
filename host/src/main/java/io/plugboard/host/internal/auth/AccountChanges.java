package io.plugboard.host.internal.auth;

import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.InputException;
import io.plugboard.host.internal.common.ValidationException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to admin accounts made by a signed-in admin: a new password (the current one required,
 * guesses counted like failed logins, the admin's other sessions ended) and deleting another admin
 * (never oneself, never the last one). Each change is logged with who made it, never a password.
 * A change also forgets the admin's remembered HTTP Basic checks ({@link VerifiedCredentials}), so an
 * old password or a deleted admin is refused by the next request.
 */
public final class AccountChanges {

    /** A change that is not allowed in the state things are in (a 409). */
    public static final class Refused extends ConflictException {
        Refused(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AccountChanges.class);

    private final AdminUsers users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final VerifiedCredentials verified;

    public AccountChanges(AdminUsers users, Sessions sessions, LoginThrottle throttle, VerifiedCredentials verified) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.verified = verified;
    }

    /**
     * @param keepSession the cookie of the session making the change, which stays; null ends all
     * @throws ValidationException if the current password is wrong or the new one is not acceptable
     * @throws LockedOut while too many wrong passwords were tried for this admin from this address
     */
    public void changePassword(AdminUsers.AdminUser admin, String current, String replacement, String address,
                               String keepSession) {
        Optional<java.time.Duration> locked = throttle.lockedFor(admin.username(), address);
        if (locked.isPresent()) {
            throw new LockedOut(locked.get());
        }
        if (current == null || current.isEmpty()) {
            throw ValidationException.of("current_password", "the current password is required");
        }
        if (users.verify(admin.username(), current).isEmpty()) {
            throttle.failed(admin.username(), address, "password change");
            throw ValidationException.of("current_password", "the current password is wrong");
        }
        AdminUsers.passwordProblem(replacement).ifPresent(p -> {
            throw ValidationException.of("new_password", p.replace("password must", "the new password must"));
        });
        users.setPassword(admin.id(), replacement);
        verified.forget(admin.username());
        sessions.endOthers(admin.id(), keepSession);
        log.info("The password of admin '{}' was changed from {}; their other sessions were ended",
                admin.username(), LogText.of(address));
    }

    /**
     * Adds an account.
     *
     * @param role {@code admin}, {@code viewer}, or null for {@code admin}
     * @throws ValidationException saying what is wrong with the name, the password or the role
     */
    public AdminUsers.AdminUser add(String username, String password, String role, AdminUsers.AdminUser actor) {
        AdminUsers.AdminUser added = users.create(username, password, Role.parse(role));
        // A namesake deleted on another instance may still be remembered here, with its old password.
        verified.forget(added.username());
        log.info("Admin '{}' ({}) was added by {}", added.username(), added.role().key(),
                actor == null ? "an API token" : "'" + actor.username() + "'");
        return added;
    }

    /** @throws Refused for oneself or the last admin */
    public void delete(String username, AdminUsers.AdminUser actor) {
        String name = username == null ? "" : username.strip();
        if (actor != null && actor.username().equals(name)) {
            throw new Refused("you cannot delete your own account while signed in with it; "
                    + "ask another admin, or sign in as another admin");
        }
        if (!users.deleteUnlessLast(name)) {
            throw new Refused("'" + name + "' is the last admin and cannot be deleted; add another admin first");
        }
        verified.forget(name);
        log.info("Admin '{}' was deleted by {}", name, actor == null ? "an API token" : "'" + actor.username() + "'");
    }

    /** Too many wrong passwords: wait this long (a 429 with {@code Retry-After}). */
    public static final class LockedOut extends InputException {
        private final java.time.Duration wait;

        LockedOut(java.time.Duration wait) {
            super("too many failed logins for this account or address; try again in " + LoginThrottle.waitText(wait));
            this.wait = wait;
        }

        public java.time.Duration waitFor() {
            return wait;
        }

        @Override
        public int status() {
            return 429;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        }
    }
}
