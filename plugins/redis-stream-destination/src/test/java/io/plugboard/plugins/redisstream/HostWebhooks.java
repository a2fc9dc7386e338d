package io.plugboard.plugins.redisstream;

import io.plugboard.sdk.EventType;
import io.plugboard.testkit.PluginHarness;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The IT's real host running the built jar: one event type to emit, and a retry schedule fast and long
 * enough to fix a broken destination between attempts. Webhooks, the delivery log and waits are the testkit's.
 */
final class HostWebhooks {

    static final String ORDER_PAID = "order.paid";
    static final Duration WAIT = Duration.ofSeconds(20);

    private HostWebhooks() {}

    /**
     * @return a host with the jar failsafe gave as {@code plugin.jar} and the {@code order.paid} type, retrying
     *     40 times 250 ms apart: failures show within a second, and there are ~10 s to fix them
     */
    static PluginHarness start() {
        EventType orderPaid = EventType.builder(ORDER_PAID).name("Order paid").group("Shop")
                .sample("{\"order_id\":\"ord_1\",\"amount\":\"12.50\",\"customer\":{\"email\":\"ann@example.com\"}}")
                .build();
        return PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar")))
                .host(h -> h.eventType(orderPaid)).retryEvery(Duration.ofMillis(250), 40).start();
    }
}
