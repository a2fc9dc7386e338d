package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits the host's operational events ({@link OperationalTypes}). Those that follow a change of stored
 * state are written on the caller's connection, in the transaction of that change (the webhook turned
 * off and the event saying so commit together, or neither); the caller announces them after its commit.
 * An event about a webhook carries it as {@code data.webhook}, and {@link OutboxWriter} never delivers it
 * to that webhook: a failing endpoint is not sent news of its own failure, which would fail again. It is
 * emitted for the webhook's application, so each customer's alert endpoints hear of their own webhooks only.
 */
public final class OperationalEvents {

    private static final Logger log = LoggerFactory.getLogger(OperationalEvents.class);

    /** The source of the host's own events, and their owner in the catalog. */
    public static final String SOURCE = "plugboard";

    private final EventService events;
    private final ObjectMapper mapper;
    private final OperationalSettings settings;

    public OperationalEvents(EventService events, ObjectMapper mapper, OperationalSettings settings) {
        this.events = events;
        this.mapper = mapper;
        this.settings = settings;
    }

    public OperationalSettings settings() {
        return settings;
    }

    /**
     * {@code webhook_disabled}, in the caller's transaction.
     *
     * @param reason {@code gone}, {@code failing_too_long} or {@code admin}
     * @return the event to announce after the commit, or null when the webhook is gone
     */
    public StoredEvent webhookDisabled(Connection c, String webhookId, String reason, String detail) throws SQLException {
        AboutWebhook webhook = webhook(c, webhookId);
        if (webhook == null) {
            return null;
        }
        ObjectNode data = mapper.createObjectNode().set("webhook", webhook.json());
        data.put("reason", reason).put("detail", detail);
        return events.emitOn(c, webhook.appId(), SOURCE, OperationalTypes.WEBHOOK_DISABLED, data);
    }

    /** {@code delivery_failed} (retries ran out), in the caller's transaction; null when the webhook is gone. */
    public StoredEvent deliveryFailed(Connection c, String webhookId, String deliveryId, StoredEvent event, int attempts,
                                      Integer lastStatus, String lastError) throws SQLException {
        AboutWebhook webhook = webhook(c, webhookId);
        if (webhook == null) {
            return null;
        }
        ObjectNode delivery = mapper.createObjectNode().put("id", deliveryId).put("event_id", event.id())
                .put("event_type", event.type()).put("attempts", attempts).put("last_status", lastStatus)
                .put("last_error", lastError);
        ObjectNode data = mapper.createObjectNode().set("webhook", webhook.json());
        data.set("delivery", delivery);
        return events.emitOn(c, webhook.appId(), SOURCE, OperationalTypes.DELIVERY_FAILED, data);
    }

    /** {@code webhook_failing} (the streak reached the setting), in the caller's transaction; null when gone. */
    public StoredEvent webhookFailing(Connection c, String webhookId, long failures, Instant since, Integer lastStatus,
                                      String lastError) throws SQLException {
        AboutWebhook webhook = webhook(c, webhookId);
        if (webhook == null) {
            return null;
        }
        ObjectNode data = mapper.createObjectNode().set("webhook", webhook.json());
        data.put("consecutive_failures", failures).put("failing_since", since.toString()).put("last_status", lastStatus)
                .put("last_error", lastError);
        return events.emitOn(c, webhook.appId(), SOURCE, OperationalTypes.WEBHOOK_FAILING, data);
    }

    /** {@code inbound_refused_burst}, in the transaction that counted the refusal which made the burst. */
    public StoredEvent inboundRefusedBurst(Connection c, ObjectNode inboundWebhook, long refusals, Instant windowStart,
                                           int lastStatus, String lastMessage) throws SQLException {
        ObjectNode data = mapper.createObjectNode().set("inbound_webhook", inboundWebhook);
        data.put("refusals", refusals).put("window_seconds", Math.max(1, settings.burstWindow().toSeconds()))
                .put("window_started_at", windowStart.toString()).put("last_status", lastStatus)
                .put("last_message", lastMessage);
        return events.emitOn(c, SOURCE, OperationalTypes.INBOUND_REFUSED_BURST, data);
    }

    /** {@code plugin_failed}, on its own: a plugin's state is not stored in a transaction to join. */
    public void pluginFailed(String pluginId, String version, String reason) {
        ObjectNode plugin = mapper.createObjectNode().put("id", pluginId).put("version", version);
        ObjectNode data = mapper.createObjectNode().set("plugin", plugin);
        data.put("reason", reason == null ? "" : reason);
        emitAlone(OperationalTypes.PLUGIN_FAILED, data);
    }

    /** {@code plugin_updated}, on its own. */
    public void pluginUpdated(String pluginId, String oldVersion, String newVersion) {
        ObjectNode plugin = mapper.createObjectNode().put("id", pluginId).put("old_version", oldVersion)
                .put("new_version", newVersion);
        emitAlone(OperationalTypes.PLUGIN_UPDATED, mapper.createObjectNode().set("plugin", plugin));
    }

    /** @return an empty JSON object, for the parts of an event's data a caller describes */
    public ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    /** What follows the commit of events written by the methods above (the dispatcher woken, hooks told). */
    public void announce(List<StoredEvent> written) {
        written.forEach(events::announce);
    }

    /** A plugin's failure must not fail what the host was doing (stopping it, say): logged instead. */
    private void emitAlone(String type, ObjectNode data) {
        try {
            events.emit(SOURCE, type, data);
        } catch (RuntimeException e) {
            log.warn("Could not emit the operational event {}: {}", type, e.toString());
        }
    }

    /** @return the webhook as the events show it (id, name, URL), or null when no webhook has the id */
    /** A webhook as its operational events describe it, and the application whose webhooks hear of it. */
    private record AboutWebhook(ObjectNode json, String appId) {}

    private AboutWebhook webhook(Connection c, String webhookId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT name, url, app_id FROM webhooks WHERE id = ?")) {
            q.setString(1, webhookId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new AboutWebhook(mapper.createObjectNode().put("id", webhookId).put("name", rs.getString(1))
                        .put("url", rs.getString(2) == null ? "" : rs.getString(2)), rs.getString(3)) : null;
            }
        }
    }

    /**
     * @return the webhook an event of the host is about, which must not receive it, or null (another
     *     source's event, or one about no webhook)
     */
    static String aboutWebhook(StoredEvent e, ObjectMapper mapper) {
        if (!SOURCE.equals(e.source())) {
            return null;
        }
        try {
            JsonNode id = mapper.readTree(e.data()).path("webhook").path("id");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException ex) {
            return null;
        }
    }

    /** @return whether the source may emit the host's types: the host, and the admin's test sends and previews */
    static boolean mayEmit(String source) {
        return SOURCE.equals(source) || "test".equals(source) || "preview".equals(source);
    }
}
