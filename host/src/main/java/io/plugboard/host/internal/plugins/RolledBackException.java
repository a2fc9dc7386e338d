package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.common.ConflictException;

/** An upgrade whose new version did not start: the previous version was put back and runs as before (409). */
public final class RolledBackException extends ConflictException {

    private static final long serialVersionUID = 1L;

    RolledBackException(String message) {
        super(message);
    }
}
