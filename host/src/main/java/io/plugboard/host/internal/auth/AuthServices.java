package io.plugboard.host.internal.auth;

/** What the web layer needs to know who is calling. */
public record AuthServices(AdminUsers users, Sessions sessions, ApiTokens tokens, LoginThrottle throttle) {

    /** @return changes to admin accounts made by a signed-in admin */
    public AccountChanges accounts() {
        return new AccountChanges(users, sessions, throttle);
    }
}
