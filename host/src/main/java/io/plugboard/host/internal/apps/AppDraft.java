package io.plugboard.host.internal.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An application as given to create or change one. On a change, a null part is left as it is; the
 * {@code clear…} flags set a part back to the host-wide default.
 */
public record AppDraft(String uid, String name, ObjectNode metadata, List<String> allowedEventTypes,
                       boolean clearAllowedEventTypes, List<String> frameAncestors, boolean clearFrameAncestors,
                       PortalTheme theme, boolean clearTheme) {

    /** @return a draft for a new application with only these parts */
    public static AppDraft of(String uid, String name) {
        return new AppDraft(uid, name, null, null, false, null, false, null, false);
    }
}
