package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plugboard.sdk.InvalidEventException;
import io.plugboard.testkit.CapturedRequest;
import io.plugboard.testkit.PluginHarness;
import io.plugboard.testkit.PluginTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the plugin in a real Plugboard host: the testkit packs target/classes into a plugin jar, starts
 * a host with it and subscribes a local endpoint to the plugin's event types.
 */
@PluginTest(strict = true)
class TestExampleEvents {

    @Test
    void the_plugin_starts_with_its_event_type(PluginHarness harness) {
        assertTrue(harness.plugin().started(), () -> "not started: " + harness.plugin().reason());
        assertEquals(List.of(ExampleEvents.EXAMPLE), harness.plugin().eventTypes());
        assertEquals(List.of(), harness.plugin().warnings());
    }

    @Test
    void the_sample_reaches_an_endpoint_signed(PluginHarness harness) {
        String eventId = harness.emitSample(ExampleEvents.EXAMPLE);

        CapturedRequest request = harness.awaitDelivery(eventId).assertSignedWith(harness.signingSecret());

        assertEquals(ExampleEvents.EXAMPLE, request.eventType());
        assertEquals("exm_1x8Qd2", request.data().string("example_id"));
    }

    @Test
    void data_that_breaks_the_schema_is_refused(PluginHarness harness) {
        assertThrows(InvalidEventException.class,
                () -> harness.emit(ExampleEvents.EXAMPLE, Map.of("example_id", "nope", "title", "")));
    }
}
