package io.plugboard.host.internal.plugins;

import java.util.Locale;

/** Where a plugin (or a jar in the plugins folder) stands, as the admin page and the API show it. */
enum PluginStatus {
    /** Started; its contributions are registered. */
    ACTIVE,
    /** Its {@code start()} is running (for at most the start time limit). */
    STARTING,
    /** Installed but not running, by the admin's choice (or not yet started). */
    INACTIVE,
    /** Tried to start and failed; the reason says why. */
    FAILED,
    /** Cannot start here: an unmet {@code Plugin-Requires} or dependency; the reason says which. */
    INCOMPATIBLE,
    /**
     * A jar in the plugins folder that is not used because the same plugin is installed in a higher
     * (or the same) version from another jar; used again if that one is removed.
     */
    SUPERSEDED,
    /**
     * A jar in the plugins folder the host did not take on its own: a lower version written over the
     * running one's jar (a downgrade waits for the admin), or a version that did not start and was
     * rolled back. The reason says which.
     */
    REFUSED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
