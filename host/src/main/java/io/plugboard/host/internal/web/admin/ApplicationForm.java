package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.apps.AppDeliverySettings;
import io.plugboard.host.internal.apps.AppDraft;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.PortalTheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application form's fields as typed (kept to show again after a refusal), turned into an {@link AppDraft},
 * and the service's refusals turned into one message per form field: {@code allowed_event_types[2]} is shown at
 * the list's field as "item 3: …", {@code theme.logo_url} at the logo's field.
 */
final class ApplicationForm {

    static final List<String> FIELDS = List.of("uid", "name", "allowed_event_types", "frame_ancestors",
            "theme_site_name", "theme_logo_url", "theme_primary_color", "theme_color_scheme", "retention_days",
            "auto_disable_after_hours");

    private static final Pattern INDEXED = Pattern.compile("([a-z_]+)\\[(\\d+)]");

    private ApplicationForm() {}

    /** @return the fields as typed, by form name ({@code null} for one not sent, e.g. the default's disabled uid) */
    static Map<String, String> typed(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, ctx.formParam(f)));
        return values;
    }

    /** @return the stored application's values, as the form shows them */
    static Map<String, String> of(Application a) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("uid", a.uid());
        values.put("name", a.name());
        List<String> allowed = a.allowedEventTypes().patterns();
        values.put("allowed_event_types", allowed == null ? "" : String.join("\n", allowed));
        values.put("frame_ancestors", a.frameAncestors() == null ? "" : String.join("\n", a.frameAncestors()));
        PortalTheme t = a.theme();
        values.put("theme_site_name", blankIfNull(t.siteName()));
        values.put("theme_logo_url", blankIfNull(t.logoUrl()));
        values.put("theme_primary_color", blankIfNull(t.primaryColor()));
        values.put("theme_color_scheme", blankIfNull(t.colorScheme()));
        values.put("retention_days", a.delivery().retentionDays() == null ? "" : a.delivery().retentionDays().toString());
        values.put("auto_disable_after_hours", a.delivery().autoDisableAfterHours() == null ? ""
                : a.delivery().autoDisableAfterHours().toString());
        return values;
    }

    /**
     * An empty list, theme or number means the host-wide default: left out when creating, cleared when changing.
     *
     * @param problems where a number that is not one is noted, by its API field name
     */
    static AppDraft draft(Map<String, String> v, Map<String, String> problems) {
        List<String> allowed = list(v.get("allowed_event_types"));
        List<String> frames = list(v.get("frame_ancestors"));
        PortalTheme theme = new PortalTheme(text(v.get("theme_site_name")), text(v.get("theme_logo_url")),
                text(v.get("theme_primary_color")), text(v.get("theme_color_scheme")));
        boolean noTheme = theme.equals(PortalTheme.NONE);
        Integer retention = whole(v.get("retention_days"), "retention_days", problems);
        Integer autoDisable = whole(v.get("auto_disable_after_hours"), "auto_disable_after_hours", problems);
        return new AppDraft(v.get("uid") == null ? null : v.get("uid").strip(), v.get("name"), null, allowed,
                allowed == null, frames, frames == null, noTheme ? null : theme, noTheme,
                new AppDeliverySettings(retention, autoDisable), retention == null, autoDisable == null);
    }

    /** @return the service's refusals by form field; one that fits no field under {@code other} */
    static Map<String, String> errors(Map<String, String> fieldErrors) {
        Map<String, String> out = new LinkedHashMap<>();
        fieldErrors.forEach((key, message) -> {
            String field = key.replace("theme.", "theme_");
            String text = message;
            Matcher m = INDEXED.matcher(field);
            if (m.matches()) {
                field = m.group(1);
                text = "item " + (Integer.parseInt(m.group(2)) + 1) + ": " + message;
            }
            if (!FIELDS.contains(field)) {
                text = key + ": " + message;
                field = "other";
            }
            out.merge(field, text, (a, b) -> a + "; " + b);
        });
        return out;
    }

    /** Items separated by commas or line breaks; null when there are none. */
    private static List<String> list(String typed) {
        if (typed == null) {
            return null;
        }
        List<String> items = Arrays.stream(typed.split("[,\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        return items.isEmpty() ? null : items;
    }

    private static Integer whole(String typed, String field, Map<String, String> problems) {
        String t = text(typed);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            problems.put(field, "must be a whole number, or empty for the host's setting");
            return null;
        }
    }

    private static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}
