package io.plugboard.host.internal.auth;

import java.util.Optional;

/**
 * The embedding application's login, asked on every admin and API request before Plugboard's own:
 * who makes this request, if the application knows. The public facade adapts the embedder's
 * authenticator to this.
 */
@FunctionalInterface
public interface AppLogin {

    /** Someone the application vouches for. @param name shown in the top bar and logged */
    record Principal(String name, Role role) {}

    /** @return the person, or empty when the application does not know who is asking */
    Optional<Principal> who(CallerRequest request);
}
