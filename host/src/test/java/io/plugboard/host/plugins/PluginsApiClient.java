package io.plugboard.host.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Reads plugins and event types through the API, and waits (bounded) for the host to reach a state. */
final class PluginsApiClient {

    private final Http http;

    PluginsApiClient(Http http) {
        this.http = http;
    }

    /** @return the installed plugins (and jars that cannot be loaded) by id; a plugin's own row comes before its other jars */
    Map<String, JsonNode> plugins() {
        Map<String, JsonNode> byId = new HashMap<>();
        http.get("/api/v1/plugins").json().get("data").forEach(p -> byId.putIfAbsent(p.get("id").asText(), p));
        return byId;
    }

    /** @return every row of the list (plugins and the jars not used) by file name */
    Map<String, JsonNode> byFile() {
        Map<String, JsonNode> byFile = new HashMap<>();
        http.get("/api/v1/plugins").json().get("data").forEach(p -> byFile.put(p.get("file").asText(), p));
        return byFile;
    }

    JsonNode plugin(String id) {
        return plugins().get(id);
    }

    String state(String id) {
        JsonNode p = plugin(id);
        return p == null ? null : p.get("state").asText();
    }

    boolean hasEventType(String key) {
        return http.get("/api/v1/event-types/" + key).status() == 200;
    }

    /** @return how long it took; fails after {@code limit} */
    Duration await(String what, Duration limit, Predicate<PluginsApiClient> condition) {
        long start = System.nanoTime();
        try {
            Await.until(what, limit, () -> condition.test(this));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; plugins: " + plugins(), e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
