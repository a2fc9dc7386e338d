package io.plugboard.host.docs.authors;

import io.plugboard.sdk.PlugboardPlugin;
import io.plugboard.sdk.PluginContext;
import io.plugboard.sdk.json.JsonObject;
import java.time.Instant;

/**
 * The main class of docs/plugin-authors.md ("The main class"), compiled here; {@code TestDocSnippets}
 * compares the region with the document.
 */
// snippet:main-class
public class ShippingPlugin extends PlugboardPlugin {

    public ShippingPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("Shipping {} started on Plugboard {}",
                context().pluginVersion(), context().hostVersion());
    }

    @Override
    public void stop() {
        // release what start() acquired
    }

    String shipped(String shipmentId, String orderId, String carrier) {
        return context().events().emit("shipment_sent", JsonObject.of(
                "shipment_id", shipmentId,
                "order_id", orderId,
                "carrier", carrier,
                "sent_at", Instant.now().toString()));
    }
}
// end:main-class
