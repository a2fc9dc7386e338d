package io.plugboard.plugins.receiversupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.sdk.inbound.ReceivedEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert in the shared model every monitoring receiver emits ({@link AlertTypes}: {@code alert_firing}
 * and {@code alert_resolved}, documented in docs/alerts.md): a builder that writes the event data in the
 * one documented shape. Fields a tool has beyond the model may be added with {@link #extra}.
 */
public final class Alert {

    private final ObjectNode data = JsonNodeFactory.instance.objectNode();
    private final ObjectNode labels = JsonNodeFactory.instance.objectNode();
    private final boolean firing;
    private Instant startedAt;
    private Instant endedAt;

    private Alert(boolean firing, String source, String alertKey, String title) {
        this.firing = firing;
        data.put("title", Objects.requireNonNull(title, "title"));
        data.putNull("description");
        data.put("severity", Severity.WARNING.value());
        data.putNull("severity_original");
        data.put("status", firing ? "firing" : "resolved");
        data.put("alert_key", Objects.requireNonNull(alertKey, "alertKey"));
        data.putNull("resource");
        data.putNull("rule");
        data.put("source", Objects.requireNonNull(source, "source"));
        data.putNull("started_at");
        data.putNull("ended_at");
        data.putNull("link");
        data.set("labels", labels);
        data.putNull("raw");
    }

    /**
     * @param source the tool, e.g. {@code grafana}
     * @param alertKey stable across the alert's firing and resolve, so a resolve finds its firing
     */
    public static Alert firing(String source, String alertKey, String title) {
        return new Alert(true, source, alertKey, title);
    }

    /** @see #firing */
    public static Alert resolved(String source, String alertKey, String title) {
        return new Alert(false, source, alertKey, title);
    }

    /** @param firing true for {@code alert_firing}, false for {@code alert_resolved} */
    public static Alert of(boolean firing, String source, String alertKey, String title) {
        return new Alert(firing, source, alertKey, title);
    }

    public Alert description(String text) {
        data.put("description", text);
        return this;
    }

    /** @param original the tool's own word (or number), kept as {@code severity_original} */
    public Alert severity(Severity severity, String original) {
        data.put("severity", severity.value());
        data.put("severity_original", original);
        return this;
    }

    /** @param name what is alerting (a host, a service, a load balancer); type and id may be null */
    public Alert resource(String name, String type, String id) {
        ObjectNode resource = data.putObject("resource");
        resource.put("name", name);
        resource.put("type", type);
        resource.put("id", id);
        return this;
    }

    /** @param name the rule, monitor or alarm that fired */
    public Alert rule(String name) {
        data.put("rule", name);
        return this;
    }

    public Alert startedAt(Instant at) {
        this.startedAt = at;
        data.put("started_at", at == null ? null : at.toString());
        return this;
    }

    public Alert endedAt(Instant at) {
        this.endedAt = at;
        data.put("ended_at", at == null ? null : at.toString());
        return this;
    }

    /** @param url a link back to the tool; only http(s) links are kept */
    public Alert link(String url) {
        data.put("link", url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null);
        return this;
    }

    public Alert label(String name, String value) {
        if (name != null && value != null) {
            labels.put(name, value);
        }
        return this;
    }

    public Alert labels(Map<String, String> values) {
        values.forEach(this::label);
        return this;
    }

    /** @param original the tool's payload for this alert, kept whole under {@code raw} */
    public Alert raw(JsonNode original) {
        data.set("raw", original);
        return this;
    }

    /** Adds a field beyond the model (e.g. the Alertmanager receiver keeps its own fields). */
    public Alert extra(String field, JsonNode value) {
        data.set(field, value);
        return this;
    }

    /** @return the event data */
    public ObjectNode data() {
        return data;
    }

    /** @return the event: its type by status, its data, and when it happened (the end of a resolved alert) */
    public ReceivedEvent event(ReceiverJson json) {
        ReceivedEvent event = ReceivedEvent.of(firing ? AlertTypes.FIRING : AlertTypes.RESOLVED, json.write(data));
        Instant at = !firing && endedAt != null ? endedAt : startedAt;
        return at == null ? event : event.withOccurredAt(at);
    }
}
