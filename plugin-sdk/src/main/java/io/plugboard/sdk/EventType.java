package io.plugboard.sdk;

import io.plugboard.sdk.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A kind of event that a plugin (or the embedding application) can emit, such as
 * {@code payment_received}: what webhook subscribers choose from in the event catalog.
 *
 * <p>Instances are immutable; build them with {@link #builder(String)}. The sample payload and the
 * optional JSON Schema are JSON text, so the SDK needs no JSON library; the host parses them when the
 * type is registered and refuses a type whose sample is not a JSON object or does not match its schema.
 */
public final class EventType {

    /** What a key must look like: lower case letters, digits, {@code _ . -}, starting with a letter or digit. */
    public static final Pattern KEY_PATTERN = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    /** The longest key accepted, in characters. */
    public static final int MAX_KEY_LENGTH = 100;

    private final String key;
    private final String name;
    private final String description;
    private final String group;
    private final String sampleJson;
    private final String schemaJson;
    private final boolean broadcast;

    private EventType(Builder b) {
        this.key = b.key;
        this.name = requireText(b.name, "name");
        this.description = b.description == null ? "" : b.description.strip();
        this.group = b.group == null || b.group.isBlank() ? "General" : b.group.strip();
        this.sampleJson = requireText(b.sampleJson, "sample payload");
        this.schemaJson = b.schemaJson == null || b.schemaJson.isBlank() ? null : b.schemaJson;
        this.broadcast = b.broadcast;
    }

    /**
     * Starts building an event type.
     *
     * @param key the stable identifier, e.g. {@code payment_received}; see {@link #KEY_PATTERN}
     * @return a builder
     * @throws IllegalArgumentException if the key is not valid
     */
    public static Builder builder(String key) {
        return new Builder(validateKey(key));
    }

    /**
     * Checks an event key.
     *
     * @param key the key to check
     * @return the key, unchanged
     * @throws IllegalArgumentException naming what is wrong with the key
     */
    public static String validateKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("event key must not be empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("event key must be at most " + MAX_KEY_LENGTH + " characters: " + key);
        }
        if (!KEY_PATTERN.matcher(key).matches()) {
            throw new IllegalArgumentException("event key '" + key
                    + "' must match [a-z0-9][a-z0-9_.-]* (lower case letters, digits, '_', '.', '-')");
        }
        return key;
    }

    /** @return the stable identifier subscribers use, e.g. {@code payment_received} */
    public String key() { return key; }

    /** @return the human name shown in the admin, e.g. "Payment received" */
    public String name() { return name; }

    /** @return one line saying when the event is emitted; may be empty */
    public String description() { return description; }

    /** @return the catalog group, e.g. "Payments"; "General" when none was given */
    public String group() { return group; }

    /** @return the sample {@code data} payload, a JSON object as text */
    public String sampleJson() { return sampleJson; }

    /** @return the JSON Schema that the event's {@code data} must satisfy, as text, if one was given */
    public Optional<String> schemaJson() { return Optional.ofNullable(schemaJson); }

    /**
     * @return true if an event of this type emitted without naming an application reaches the
     *     subscribed webhooks of every application (see {@link Builder#broadcast()}); false if it
     *     reaches only the default application's
     */
    public boolean broadcast() { return broadcast; }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventType other && key.equals(other.key) && name.equals(other.name)
                && description.equals(other.description) && group.equals(other.group)
                && sampleJson.equals(other.sampleJson) && Objects.equals(schemaJson, other.schemaJson)
                && broadcast == other.broadcast;
    }

    @Override
    public int hashCode() { return key.hashCode(); }

    @Override
    public String toString() { return "EventType[" + key + "]"; }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("event type needs a " + what);
        }
        return value.strip();
    }

    /** Builds an {@link EventType}; {@code name} and a sample payload are required. */
    public static final class Builder {
        private final String key;
        private String name;
        private String description;
        private String group;
        private String sampleJson;
        private String schemaJson;
        private boolean broadcast;

        private Builder(String key) { this.key = key; }

        /** @param name the human name shown in the admin @return this builder */
        public Builder name(String name) { this.name = name; return this; }

        /** @param description one line saying when the event is emitted @return this builder */
        public Builder description(String description) { this.description = description; return this; }

        /** @param group the catalog group, e.g. "Payments" @return this builder */
        public Builder group(String group) { this.group = group; return this; }

        /** @param json the sample {@code data} payload, a JSON object @return this builder */
        public Builder sample(String json) { this.sampleJson = json; return this; }

        /** @param data the sample {@code data} payload @return this builder */
        public Builder sample(JsonObject data) {
            this.sampleJson = data == null ? null : data.toJson();
            return this;
        }

        /** @param json a JSON Schema for the event's {@code data} @return this builder */
        public Builder schema(String json) { this.schemaJson = json; return this; }

        /**
         * Makes the type a broadcast: where the host serves several applications (an embedder's
         * customers, each with their own webhooks), an event of this type emitted without naming an
         * application — as a plugin emits — reaches every application whose webhooks subscribe to it
         * (and whose allowed event types include it), instead of only the default application's. For
         * notices every tenant should get, such as a maintenance window.
         *
         * @return this builder
         */
        public Builder broadcast() { this.broadcast = true; return this; }

        /**
         * Reads the sample payload from a resource next to {@code anchor}, typically inside the plugin jar.
         *
         * @param anchor a class of the plugin, whose class loader finds the resource
         * @param path the resource path, e.g. {@code "/samples/payment_received.json"}
         * @return this builder
         * @throws IllegalArgumentException if the resource does not exist
         */
        public Builder sampleResource(Class<?> anchor, String path) {
            this.sampleJson = readResource(anchor, path);
            return this;
        }

        /**
         * Reads the JSON Schema from a resource next to {@code anchor}, typically inside the plugin jar.
         *
         * @param anchor a class of the plugin, whose class loader finds the resource
         * @param path the resource path, e.g. {@code "/schemas/payment_received.schema.json"}
         * @return this builder
         * @throws IllegalArgumentException if the resource does not exist
         */
        public Builder schemaResource(Class<?> anchor, String path) {
            this.schemaJson = readResource(anchor, path);
            return this;
        }

        /**
         * @return the event type
         * @throws IllegalStateException if the name or the sample payload is missing
         */
        public EventType build() { return new EventType(this); }

        private static String readResource(Class<?> anchor, String path) {
            try (InputStream in = anchor.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("resource not found next to " + anchor.getName() + ": " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + path, e);
            }
        }
    }
}
