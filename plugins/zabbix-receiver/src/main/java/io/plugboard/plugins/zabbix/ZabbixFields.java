package io.plugboard.plugins.zabbix;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Reading the fields a Zabbix media type script sends. Zabbix leaves a macro it cannot resolve as it
 * is (e.g. {@code {EVENT.RECOVERY.ID}} in a problem message), so such a value counts as absent.
 */
final class ZabbixFields {

    private static final Pattern UNRESOLVED_MACRO = Pattern.compile("\\{\\$?[A-Z][A-Z0-9_.]*}");
    /** Zabbix's {EVENT.DATE} and {EVENT.TIME}, joined by a space. */
    private static final DateTimeFormatter ZABBIX_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu.MM.dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private final JsonNode body;

    ZabbixFields(JsonNode body) {
        this.body = body;
    }

    /** @return the field as text (a number's digits too), or null when absent, empty or an unresolved macro */
    String text(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw new UnparseableRequestException(field + " must be a string");
        }
        String text = value.asText().strip();
        return text.isEmpty() || UNRESOLVED_MACRO.matcher(text).matches() ? null : text;
    }

    /** @return a Zabbix id (digits), or null when absent */
    String id(String field) {
        String id = text(field);
        if (id != null && !id.matches("[0-9]{1,20}")) {
            throw new UnparseableRequestException(field + " must be a Zabbix id (digits), not \"" + id + "\"");
        }
        return id;
    }

    /**
     * @param isoField an RFC 3339 time with offset, preferred when sent
     * @param dateField Zabbix's {@code yyyy.MM.dd}, read with timeField's {@code HH:mm:ss} in the given zone
     * @return the time, or null when neither form is sent
     */
    Instant time(String isoField, String dateField, String timeField, ZoneId zone) {
        String iso = text(isoField);
        if (iso != null) {
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e) {
                throw new UnparseableRequestException(isoField + " is not an RFC 3339 time with offset: " + iso);
            }
        }
        String date = text(dateField);
        String time = text(timeField);
        if (date == null && time == null) {
            return null;
        }
        if (date == null || time == null) {
            throw new UnparseableRequestException(dateField + " and " + timeField + " come together");
        }
        try {
            return LocalDateTime.parse(date + " " + time, ZABBIX_DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableRequestException(dateField + " " + timeField + " is not Zabbix's yyyy.MM.dd HH:mm:ss: "
                    + date + " " + time);
        }
    }
}
