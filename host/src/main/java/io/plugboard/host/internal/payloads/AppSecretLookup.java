package io.plugboard.host.internal.payloads;

import java.util.Optional;

/**
 * The secrets store as requests read it: a value by application and name. A request is built for one
 * webhook, so it reads through {@link #in} the secrets of that webhook's application only; a webhook of one
 * application can never read another's secret, even one of the same name.
 */
@FunctionalInterface
public interface AppSecretLookup {

    /** @param app the application's id (the webhook's {@code appId}) */
    Optional<String> value(String app, String name);

    /** @return the lookup of one application's secrets */
    default NamedSecretLookup in(String app) {
        return name -> value(app, name);
    }
}
