package io.plugboard.host.internal.wiring;

/**
 * Hands a part to {@link HostRuntime}'s close order as it is started: the parts are closed in reverse, so the
 * order of these calls across the wiring classes is the order the host takes itself down in, backwards.
 */
@FunctionalInterface
interface Closing {

    /** @return the part, closed when the host closes, before every part handed over earlier */
    <T extends AutoCloseable> T closing(T part);
}
