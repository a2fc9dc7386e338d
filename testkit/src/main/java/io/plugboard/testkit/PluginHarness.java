package io.plugboard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.json.JsonValue;
import io.plugboard.host.Plugboard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Plugboard host running the plugin under test, for a plugin's own tests:
 *
 * <pre>{@code
 * try (PluginHarness harness = PluginHarness.builder().start()) {
 *     String eventId = harness.emitSample("shipment_sent");
 *     CapturedRequest request = harness.awaitDelivery(eventId);
 *     request.assertSignedWith(harness.signingSecret());
 *     assertEquals("DHL", request.data().path("carrier").asText());
 * }
 * }</pre>
 *
 * <p>{@link #builder()} packs the compiled plugin ({@code target/classes}) into a real jar in a fresh
 * plugins folder and starts a host on a fresh data folder and a free port on 127.0.0.1. A
 * {@link CaptureEndpoint} is subscribed to every event type the plugin registered; the outbound guard
 * admits 127.0.0.1 and nothing else that is private. Or use {@link PluginTest} to have JUnit do this
 * for each test. {@link #close()} stops the host and deletes both folders.
 */
public final class PluginHarness implements AutoCloseable {

    /** How long the {@code await…} methods wait unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final HarnessSetup setup;
    private final String pluginId;
    private final CaptureWebhook webhook;
    private AdminSession admin;

    PluginHarness(HarnessSetup setup, String pluginId, CaptureWebhook webhook) {
        this.setup = setup;
        this.pluginId = pluginId;
        this.webhook = webhook;
    }

    /** @return a builder that packs {@code target/classes} and reads the descriptor from there */
    public static PluginHarnessBuilder builder() {
        return new PluginHarnessBuilder();
    }

    /** @return the running host: its facade, e.g. {@code host().events()} or {@code host().baseUrl()} */
    public Plugboard host() {
        return setup.host();
    }

    /** @return the host's REST API, signed in as the harness's admin */
    public HostApi api() {
        return setup.api();
    }

    /** @return the admin pages, signed in through the login form (on first use) */
    public synchronized AdminSession admin() {
        if (admin == null) {
            admin = new AdminSession(host().baseUrl(), adminUser(), adminPassword());
        }
        return admin;
    }

    /** @return the admin's user name, to sign in to {@code host().baseUrl() + "/admin"} */
    public String adminUser() {
        return HarnessSetup.ADMIN_USER;
    }

    /** @return the admin's password, random for each harness */
    public String adminPassword() {
        return setup.adminPassword();
    }

    /** @return the {@code Plugin-Id} of the plugin under test */
    public String pluginId() {
        return pluginId;
    }

    /** @return the plugin under test as the host reports it now */
    public PluginStatus plugin() {
        return plugin(pluginId);
    }

    /**
     * @param id a plugin id
     * @return that plugin as the host reports it now
     * @throws AssertionError if the host has no such plugin
     */
    public PluginStatus plugin(String id) {
        for (JsonNode p : api().get("/api/v1/plugins").expect(200).json().path("data")) {
            if (id.equals(p.path("id").asText())) {
                return PluginStatus.of(p);
            }
        }
        throw new AssertionError("the host has no plugin '" + id + "'");
    }

    /** @return the jar the harness packed and the host loaded */
    public Path pluginJar() {
        return setup.pluginJar();
    }

    /** @return the capture endpoint, subscribed to the plugin's event types */
    public CaptureEndpoint capture() {
        return setup.capture();
    }

    /** @return the capture webhook's id, {@code wh_…} */
    public String webhookId() {
        return webhook.id();
    }

    /** @return the capture webhook's signing secret, for {@link CapturedRequest#assertSignedWith} */
    public String signingSecret() {
        return webhook.secret();
    }

    /**
     * Subscribes the capture endpoint to exactly these event types (e.g. another plugin's).
     *
     * @param eventTypes registered event keys
     * @throws AssertionError if the host refuses them
     */
    public void subscribe(String... eventTypes) {
        webhook.subscribe(List.of(eventTypes));
    }

    /**
     * Emits an event as the embedding application would.
     *
     * @param type a registered event key
     * @param data the event's data
     * @return the event id
     * @throws io.plugboard.sdk.InvalidEventException if the host refuses the event, e.g. against the schema
     */
    public String emit(String type, Map<String, ?> data) {
        return host().events().emit(type, data);
    }

    /**
     * Emits an event whose data is an SDK JSON object (numbers exact), as the embedding application would.
     *
     * @param type a registered event key
     * @param data the event's data, e.g. {@code JsonObject.of("order_id", "ord_1")}
     * @return the event id
     * @throws io.plugboard.sdk.InvalidEventException if the host refuses the event
     */
    public String emit(String type, JsonObject data) {
        return host().events().emit(type, data);
    }

    /**
     * @param type a registered event key
     * @param dataJson the event's data as a JSON object
     * @return the event id
     * @throws io.plugboard.sdk.InvalidEventException if the host refuses the event
     */
    public String emitJson(String type, String dataJson) {
        return host().events().emitJson(type, dataJson);
    }

    /**
     * Emits an event with the sample payload its event type declares.
     *
     * @param type a registered event key
     * @return the event id
     */
    public String emitSample(String type) {
        return emit(type, sample(type));
    }

    /**
     * @param type a registered event key
     * @return the sample payload the event type declares, as an SDK JSON object
     * @throws AssertionError if no such event type is registered, or it has no sample object
     */
    public JsonObject sample(String type) {
        HostApi.Response r = api().get("/api/v1/event-types/" + java.net.URLEncoder.encode(type,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        JsonValue sample = Json.parse(r.expect(200).body()).asObject().member("sample").orElse(null);
        if (sample == null || !sample.isObject()) {
            throw new AssertionError("the event type " + type + " has no sample object: " + r.body());
        }
        return sample.asObject();
    }

    /**
     * Creates a webhook through the API, e.g. one with the plugin's payload format to the capture
     * endpoint ({@code "url", capture().url(), "format", "slack"}).
     *
     * @param body the {@code POST /api/v1/webhooks} body: {@code name}, {@code events}, {@code url} or
     *     {@code destination}, {@code format}, …
     * @return the webhook, with its id and secret
     * @throws AssertionError if the host refuses it, with its message
     */
    public HostWebhook createWebhook(Map<String, ?> body) {
        return new HostWebhook(api(), api().post("/api/v1/webhooks", body).expect(201).json());
    }

    /**
     * Creates a webhook to a destination plugin's destination, named after it.
     *
     * @param type the destination's id, e.g. {@code rabbitmq}
     * @param settings its settings
     * @param eventTypes the event types it receives
     * @return the webhook, with its id and secret
     * @throws AssertionError if the host refuses it, with its message
     */
    public HostWebhook destinationWebhook(String type, Map<String, ?> settings, String... eventTypes) {
        return createWebhook(Map.of("name", "test " + type + " " + java.util.UUID.randomUUID().toString().substring(0, 8),
                "events", List.of(eventTypes), "destination", Map.of("type", type, "settings", settings)));
    }

    /**
     * Creates an inbound webhook for a receiver plugin's receiver.
     *
     * @param receiver the receiver's id, e.g. {@code grafana}
     * @param settings its settings, e.g. the shared secret
     * @return the inbound webhook, with its URL to post to
     * @throws AssertionError if the host refuses it, with its message
     */
    public InboundWebhook inboundWebhook(String receiver, Map<String, ?> settings) {
        return new InboundWebhook(api(), api().post("/api/v1/inbound-webhooks",
                Map.of("name", "test " + receiver, "receiver", receiver, "settings", settings)).expect(201).json());
    }

    /**
     * @param id a payload format's id, e.g. {@code slack}
     * @return the format as {@code GET /api/v1/formats} lists it: {@code plugin}, {@code settings}, …
     * @throws AssertionError if the host does not list it
     */
    public JsonNode payloadFormat(String id) {
        return listed("/api/v1/formats", id);
    }

    /**
     * @param id a destination's id, e.g. {@code rabbitmq}
     * @return the destination as {@code GET /api/v1/destinations} lists it: {@code plugin}, {@code settings}, …
     * @throws AssertionError if the host does not list it
     */
    public JsonNode destination(String id) {
        return listed("/api/v1/destinations", id);
    }

    private JsonNode listed(String path, String id) {
        for (JsonNode listed : api().get(path).expect(200).json().path("data")) {
            if (id.equals(listed.path("id").asText())) {
                return listed;
            }
        }
        throw new AssertionError("GET " + path + " does not list '" + id + "'");
    }

    /** @param eventId an id from {@code emit…} @return its first delivery to the capture endpoint */
    public CapturedRequest awaitDelivery(String eventId) {
        return capture().awaitEvent(eventId, DEFAULT_TIMEOUT);
    }

    /** Stops the host and the capture endpoint and deletes the temporary folders. */
    @Override
    public void close() {
        setup.close();
    }
}
