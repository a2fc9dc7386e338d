package io.plugboard.host.internal.config;

import java.util.List;

/**
 * Which webhook targets the outbound guard lets through besides public addresses.
 *
 * @param allowPrivate whether loopback, private and link-local targets are all allowed
 * @param allowed host names (exact) and address ranges allowed one by one
 */
public record TargetsConfig(boolean allowPrivate, List<String> allowed) {

    public TargetsConfig {
        allowed = List.copyOf(allowed);
    }
}
