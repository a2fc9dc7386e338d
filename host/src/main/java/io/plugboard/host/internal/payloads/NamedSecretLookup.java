package io.plugboard.host.internal.payloads;

import java.util.Optional;

/** Where templates and header values get secret values from: the store when sending, a mask in previews. */
@FunctionalInterface
public interface NamedSecretLookup {

    Optional<String> value(String name);
}
