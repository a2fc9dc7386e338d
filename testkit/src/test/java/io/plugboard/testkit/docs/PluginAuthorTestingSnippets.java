package io.plugboard.testkit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.testkit.AdminSession;
import io.plugboard.testkit.CapturedRequest;
import io.plugboard.testkit.PluginHarness;
import io.plugboard.testkit.PluginTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The testkit snippets of docs/plugin-authors.md ("Testing your plugin"), compiled here; the host's
 * {@code TestDocSnippets} compares each region with the document. Nothing here runs: the nested test class
 * is not static, so neither JUnit nor Surefire picks it up (there is no "shipping" plugin to test).
 */
@SuppressWarnings({"unused", "InnerClassMayBeStatic"})
final class PluginAuthorTestingSnippets {

    // snippet:plugin-test
    @PluginTest
    class TestShippingEvents {

        @Test
        void a_shipment_reaches_a_webhook(PluginHarness harness) {
            String eventId = harness.emit("shipment_sent", JsonObject.of(
                    "shipment_id", "shp_1", "order_id", "ord_1", "carrier", "DHL", "sent_at", "2026-11-22T08:00:00Z"));

            CapturedRequest request = harness.awaitDelivery(eventId).assertSignedWith(harness.signingSecret());

            assertEquals("DHL", request.data().string("carrier"));
        }
    }
    // end:plugin-test

    static void throughTheHost(PluginHarness harness) {
        // snippet:harness-api
        harness.api().put("/api/v1/plugins/shipping/settings", JsonObject.of("batch_size", 20)).expect(200);
        JsonObject created = Json.parseObject(harness.api()
                .post("/api/v1/plugins/shipping/records", JsonObject.of("title", "First")).expect(201).body());
        AdminSession.Page saved = harness.admin().form("/admin/plugins/shipping/settings")
                .field("carrier", "DHL").field("batch_size", "20").submit();      // 303 when saved, 400 with the form
        AdminSession.Page refused = harness.admin().form("/admin/plugins/shipping/refunds")
                .field("amount", "lots").submit();                                 // FormResult.invalid: 400
        // end:harness-api
    }

    static void builder(EventType myAppEventType) {
        // snippet:harness-builder
        try (PluginHarness harness = PluginHarness.builder()
                .classes(Path.of("target/classes"))
                .pluginVersion("1.0.0-test")
                .host(host -> host.eventType(myAppEventType))   // anything PlugboardBuilder offers
                .start()) {
            harness.awaitDelivery(harness.emitSample("shipment_sent"));
        }
        // end:harness-builder
    }
}
