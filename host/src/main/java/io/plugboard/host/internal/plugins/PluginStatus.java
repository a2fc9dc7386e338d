package io.plugboard.host.internal.plugins;

import java.util.Locale;

/** Where a plugin stands, as the admin page and the API show it. */
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
    INCOMPATIBLE;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
