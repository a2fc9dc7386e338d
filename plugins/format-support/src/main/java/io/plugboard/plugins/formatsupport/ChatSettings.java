package io.plugboard.plugins.formatsupport;

import io.plugboard.sdk.outbound.OutgoingEvent;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings every chat format has — {@code title}, {@code link_field}, {@code fields} — their
 * declarations, their checks, and reading them at render time.
 */
public final class ChatSettings {

    /** An optional title pattern; {@code {{type}}} is the event type in words, {@code {{type_key}}} its key. */
    public static final String TITLE = "title";
    /** An optional data path of the link. */
    public static final String LINK_FIELD = "link_field";
    /** An optional comma-separated list of data paths to show instead of the automatic choice. */
    public static final String FIELDS = "fields";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    private ChatSettings() {}

    /** @param maxFields how many fields the format shows @return the three declarations */
    public static List<Setting> declarations(int maxFields) {
        return List.of(
                Setting.builder(TITLE, SettingType.STRING).label("Title")
                        .help("Optional. The message's title; {{type}} is the event type in words (e.g. Payment received), "
                                + "{{type_key}} its key. Empty: the event type in words.").build(),
                Setting.builder(LINK_FIELD, SettingType.STRING).label("Link field")
                        .help("Optional. The data path of a link, e.g. order.url. Empty: the first field holding an "
                                + "http(s) URL. Only http and https links are ever shown.").build(),
                Setting.builder(FIELDS, SettingType.STRING).label("Fields")
                        .help("Optional. Comma-separated data paths to show, e.g. amount, customer.email (at most "
                                + maxFields + "). Empty: the top-level values, then those one level down.").build());
    }

    /**
     * @param settings the webhook's values
     * @param maxFields how many fields the format shows
     * @return what is wrong, by setting key (empty when all is well)
     */
    public static Map<String, String> problems(Map<String, String> settings, int maxFields) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = settings.getOrDefault(TITLE, "");
        Matcher m = PLACEHOLDER.matcher(title);
        while (m.find()) {
            if (!m.group(1).equals("type") && !m.group(1).equals("type_key")) {
                problems.put(TITLE, "{{" + Text.cut(m.group(1), 40) + "}} is unknown; use {{type}} or {{type_key}}");
                break;
            }
        }
        String link = settings.getOrDefault(LINK_FIELD, "");
        if (!link.isBlank()) {
            try {
                DataPaths.parse(link.trim());
            } catch (IllegalArgumentException e) {
                problems.put(LINK_FIELD, e.getMessage());
            }
        }
        try {
            DataPaths.parseList(settings.get(FIELDS), maxFields);
        } catch (IllegalArgumentException e) {
            problems.put(FIELDS, e.getMessage());
        }
        return problems;
    }

    /** @return the title: the pattern with its placeholders filled, or the type in words (not yet cut) */
    public static String title(OutgoingEvent event) {
        String pattern = event.settings().getOrDefault(TITLE, "");
        String title = PLACEHOLDER.matcher(pattern).replaceAll(r -> Matcher.quoteReplacement(
                r.group(1).equals("type_key") ? event.eventType() : event.typeInWords())).trim();
        String words = event.typeInWords().isBlank() ? "Event" : event.typeInWords();
        return title.isEmpty() ? words : title;
    }

    /** @return the {@code link_field} path, empty for the automatic choice */
    public static List<String> linkField(OutgoingEvent event) {
        String link = event.settings().getOrDefault(LINK_FIELD, "");
        return link.isBlank() ? List.of() : DataPaths.parse(link.trim());
    }

    /** @return the {@code fields} paths, empty for the automatic choice */
    public static List<List<String>> fields(OutgoingEvent event, int maxFields) {
        return DataPaths.parseList(event.settings().get(FIELDS), maxFields);
    }
}
