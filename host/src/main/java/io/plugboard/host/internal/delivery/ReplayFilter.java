package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.sdk.EventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which finished deliveries a bulk replay queues again. Every part is optional; what is given must
 * all match. Pending deliveries and test sends are never replayed.
 *
 * @param webhooks webhook ids (empty: every webhook)
 * @param eventTypes event type keys (empty: every type)
 * @param status {@code failed}, {@code succeeded} or {@code any} (either)
 * @param from only deliveries created at or after this, or null
 * @param to only deliveries created before this, or null
 * @param responseStatus the last attempt's HTTP status: a code such as {@code 404} or a class such as {@code 5xx}; or null
 * @param app the application whose webhooks' deliveries only are replayed, or null for every application
 *     (a job stored before applications existed)
 */
public record ReplayFilter(List<String> webhooks, List<String> eventTypes, String status, Instant from, Instant to,
                           String responseStatus, String app) {

    public static final Set<String> STATUSES = Set.of("failed", "succeeded", "any");
    /** The most webhook ids or event types one filter names. */
    public static final int MAX_NAMED = 100;
    private static final Pattern RESPONSE_STATUS = Pattern.compile("[1-5](xx|[0-9][0-9])");

    public ReplayFilter {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        status = status == null ? "failed" : status;
    }

    /** A filter over every application's deliveries. */
    public ReplayFilter(List<String> webhooks, List<String> eventTypes, String status, Instant from, Instant to,
                        String responseStatus) {
        this(webhooks, eventTypes, status, from, to, responseStatus, null);
    }

    /** @return whether a job with this filter belongs to the application (a filter of no application: the default one) */
    public boolean belongsTo(String appId) {
        return appId.equals(app == null ? DefaultApp.ID : app);
    }

    /**
     * @return the filter, checked
     * @throws ValidationException naming each field that is wrong and how to put it right
     */
    public ReplayFilter checked() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!STATUSES.contains(status)) {
            errors.put("status", "status must be failed, succeeded or any, not '" + status + "'");
        }
        if (responseStatus != null && !RESPONSE_STATUS.matcher(responseStatus).matches()) {
            errors.put("response_status", "response_status must be an HTTP status such as 404 or a class such as 5xx, not '"
                    + responseStatus + "'");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.put("to", "to must be after from (" + from + ")");
        }
        if (webhooks.size() > MAX_NAMED || webhooks.stream().anyMatch(w -> w == null || w.isBlank())) {
            errors.put("webhooks", "webhooks must be at most " + MAX_NAMED + " webhook ids, none empty");
        }
        if (eventTypes.size() > MAX_NAMED) {
            errors.put("event_types", "event_types must be at most " + MAX_NAMED + " event type keys");
        }
        for (String type : eventTypes) {
            if (type == null || !EventType.KEY_PATTERN.matcher(type).matches()) {
                errors.put("event_types", "'" + type + "' is not an event type key (lower case letters, digits, '_', '.', '-')");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return this;
    }

    /**
     * The SQL condition over {@code deliveries d JOIN events e}, with its parameters added to {@code binds};
     * lists are bound by Jdbi's {@code bindList} under the names {@code webhooks} and {@code types}.
     */
    String where(Map<String, Object> binds) {
        StringBuilder sql = new StringBuilder("NOT d.test AND ");
        if (app != null) {
            sql.append("d.webhook_id IN (SELECT id FROM webhooks WHERE app_id = :app) AND ");
            binds.put("app", app);
        }
        sql.append("d.status ");
        sql.append("any".equals(status) ? "IN ('failed', 'succeeded')" : "= :status");
        if (!"any".equals(status)) {
            binds.put("status", status);
        }
        if (!webhooks.isEmpty()) {
            sql.append(" AND d.webhook_id IN (<webhooks>)");
        }
        if (!eventTypes.isEmpty()) {
            sql.append(" AND e.type IN (<types>)");
        }
        if (from != null) {
            sql.append(" AND d.created_at >= :from");
            binds.put("from", from.toEpochMilli());
        }
        if (to != null) {
            sql.append(" AND d.created_at < :to");
            binds.put("to", to.toEpochMilli());
        }
        if (responseStatus != null) {
            boolean range = responseStatus.endsWith("xx");
            int low = range ? (responseStatus.charAt(0) - '0') * 100 : Integer.parseInt(responseStatus);
            sql.append(" AND d.last_status BETWEEN :lowStatus AND :highStatus");
            binds.put("lowStatus", low);
            binds.put("highStatus", range ? low + 99 : low);
        }
        return sql.toString();
    }
}
