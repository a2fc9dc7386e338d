package io.plugboard.host.internal.config;

import io.plugboard.host.internal.apps.FrameAncestors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer portal's host-wide settings.
 *
 * @param frameAncestors the origins that may frame the portal of an application that names none of its own;
 *     empty: none may ({@code frame-ancestors 'none'})
 */
public record PortalConfig(List<String> frameAncestors) {

    public PortalConfig {
        frameAncestors = List.copyOf(frameAncestors);
    }

    /**
     * @return the origins, lower-cased, as {@link FrameAncestors} accepts them
     * @throws IllegalArgumentException naming the first origin that is not one
     */
    public static List<String> checked(List<String> origins) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> kept = FrameAncestors.parse("portalFrameAncestors", origins, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.entrySet().iterator().next().getKey() + ": "
                    + problems.values().iterator().next());
        }
        return kept;
    }
}
