package io.plugboard.sdk;

/**
 * Something a plugin registered with the host (a hook callback, a scheduled task, a settings
 * listener). {@link #remove()} takes it back; the host also removes everything a plugin registered
 * when the plugin stops, so calling it is only needed to remove something earlier.
 */
@FunctionalInterface
public interface Registration {

    /** Removes the registration. Calling it again does nothing. */
    void remove();
}
