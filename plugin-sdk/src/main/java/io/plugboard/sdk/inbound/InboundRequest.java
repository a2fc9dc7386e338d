package io.plugboard.sdk.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request to an inbound webhook, as a {@link Receiver} sees it: headers (names compared ignoring
 * case), the raw body, and the inbound webhook's id and settings. The host builds it; tests build their
 * own with {@link #builder()}.
 */
public final class InboundRequest {

    private final String inboundWebhookId;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Map<String, String> settings;
    private final Instant receivedAt;

    private InboundRequest(Builder b) {
        this.inboundWebhookId = b.inboundWebhookId;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        b.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = b.body.clone();
        this.settings = Map.copyOf(b.settings);
        this.receivedAt = b.receivedAt;
    }

    /** @return a builder for a request, e.g. in a receiver's tests */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the inbound webhook's id, {@code inb_…} */
    public String inboundWebhookId() { return inboundWebhookId; }

    /** @return every header by name; lookups ignore case */
    public Map<String, List<String>> headers() { return headers; }

    /** @param name a header name, in any case @return its first value, if sent */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the raw body; a copy, so a receiver may change it */
    public byte[] body() { return body.clone(); }

    /** @return the body decoded as UTF-8 */
    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    /** @return the inbound webhook's settings by key, defaults applied; absent keys have no value */
    public Map<String, String> settings() { return settings; }

    /** @param key a setting's key @return its value, or {@code ""} when it has none */
    public String setting(String key) { return settings.getOrDefault(key, ""); }

    /** @return when the host received the request */
    public Instant receivedAt() { return receivedAt; }

    /** Builds an {@link InboundRequest}. */
    public static final class Builder {
        private String inboundWebhookId = "inb_test";
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private byte[] body = new byte[0];
        private Map<String, String> settings = Map.of();
        private Instant receivedAt = Instant.now();

        private Builder() {}

        /** @param id the inbound webhook's id @return this builder */
        public Builder inboundWebhookId(String id) { this.inboundWebhookId = Objects.requireNonNull(id); return this; }

        /** @param name a header name @param value one more value for it @return this builder */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(Objects.requireNonNull(value));
            return this;
        }

        /** @param body the raw body @return this builder */
        public Builder body(byte[] body) { this.body = body.clone(); return this; }

        /** @param text the body, encoded as UTF-8 @return this builder */
        public Builder body(String text) { this.body = text.getBytes(StandardCharsets.UTF_8); return this; }

        /** @param settings the inbound webhook's settings @return this builder */
        public Builder settings(Map<String, String> settings) { this.settings = Map.copyOf(settings); return this; }

        /** @param at when the request arrived @return this builder */
        public Builder receivedAt(Instant at) { this.receivedAt = Objects.requireNonNull(at); return this; }

        /** @return the request */
        public InboundRequest build() { return new InboundRequest(this); }
    }
}
