package io.plugboard.host.internal.apps;

import java.util.Map;

/**
 * Where an application's deliveries differ from the host's settings; a null part takes the host's.
 *
 * @param retentionDays how long its finished deliveries are kept, 1 to 3650 days
 * @param autoDisableAfterHours how long one of its webhooks may fail every attempt before it is turned off,
 *     1 to 8760 hours
 */
public record AppDeliverySettings(Integer retentionDays, Integer autoDisableAfterHours) {

    public static final AppDeliverySettings HOST = new AppDeliverySettings(null, null);

    static AppDeliverySettings checked(AppDeliverySettings s, Map<String, String> problems) {
        if (s.retentionDays != null && (s.retentionDays < 1 || s.retentionDays > 3650)) {
            problems.put("retention_days", "must be 1 to 3650 days (or null for the host's setting)");
        }
        if (s.autoDisableAfterHours != null && (s.autoDisableAfterHours < 1 || s.autoDisableAfterHours > 8760)) {
            problems.put("auto_disable_after_hours", "must be 1 to 8760 hours (or null for the host's setting)");
        }
        return s;
    }
}
