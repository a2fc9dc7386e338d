package io.plugboard.host.internal.config;

import io.plugboard.host.internal.auth.AppLogin;
import java.util.Optional;

/**
 * Who signs people in: the embedding application (its login asked first on every admin and API
 * request) and/or Plugboard's own accounts.
 *
 * @param appLogin the application's login, or null when only Plugboard's own is used
 * @param ownLogin whether Plugboard's login form, setup form and HTTP Basic are accepted
 * @param loginUrl where the admin sends someone nobody signed in, when {@code ownLogin} is off; may
 *                 contain {@code {next}} (the requested path, URL-encoded); null for a 401 page
 * @param logoutUrl the application's logout, linked from the top bar for its principals; null hides
 *                  the link for them
 */
public record LoginConfig(AppLogin appLogin, boolean ownLogin, String loginUrl, String logoutUrl) {

    /** Plugboard's own login only, as before the application could sign people in. */
    public static final LoginConfig OWN = new LoginConfig(null, true, null, null);

    /** @return the application's login, if there is one */
    public Optional<AppLogin> app() {
        return Optional.ofNullable(appLogin);
    }
}
