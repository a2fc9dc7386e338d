package io.plugboard.host.internal.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An application as given to create or change one. On a change, a null part is left as it is; the
 * {@code clear…} flags set a part back to the host-wide default.
 *
 * @param delivery the retention and auto-disable parts given (a null part: not given)
 * @param clearRetention, clearAutoDisable set that part back to the host's setting
 */
public record AppDraft(String uid, String name, ObjectNode metadata, List<String> allowedEventTypes,
                       boolean clearAllowedEventTypes, List<String> frameAncestors, boolean clearFrameAncestors,
                       PortalTheme theme, boolean clearTheme, AppDeliverySettings delivery, boolean clearRetention,
                       boolean clearAutoDisable) {

    /** @return a draft for a new application with only these parts */
    public static AppDraft of(String uid, String name) {
        return new AppDraft(uid, name, null, null, false, null, false, null, false, AppDeliverySettings.HOST, false,
                false);
    }

    /** @return the delivery settings after this change of {@code current} */
    AppDeliverySettings deliveryOver(AppDeliverySettings current) {
        Integer retention = clearRetention ? null : delivery.retentionDays() != null ? delivery.retentionDays()
                : current.retentionDays();
        Integer disable = clearAutoDisable ? null : delivery.autoDisableAfterHours() != null
                ? delivery.autoDisableAfterHours() : current.autoDisableAfterHours();
        return new AppDeliverySettings(retention, disable);
    }
}
