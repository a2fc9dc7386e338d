package io.plugboard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The webhook that points the host at the capture endpoint, created and changed through the API. */
final class CaptureWebhook {

    private final HostApi api;
    private final String url;
    private String id;
    private String secret;

    CaptureWebhook(HostApi api, String url) {
        this.api = api;
        this.url = url;
    }

    /** Creates the webhook on first use, then changes its event types. */
    void subscribe(List<String> eventTypes) {
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("name at least one event type to subscribe to");
        }
        if (id == null) {
            JsonNode created = api.post("/api/v1/webhooks", Map.of("name", "testkit capture", "url", url,
                    "events", eventTypes)).expect(201).json();
            id = created.path("id").asText();
            secret = created.path("secret").asText();
        } else {
            api.patch("/api/v1/webhooks/" + id, Map.of("events", eventTypes)).expect(200);
        }
    }

    String id() {
        if (id == null) {
            throw new IllegalStateException("the plugin registered no event types, so nothing is subscribed yet;"
                    + " call subscribe(...) first");
        }
        return id;
    }

    String secret() {
        id();
        return secret;
    }
}
