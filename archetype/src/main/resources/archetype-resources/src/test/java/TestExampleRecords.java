package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.PluginHarness;
import io.plugboard.testkit.PluginTest;
import org.junit.jupiter.api.Test;

/** The JSON routes of ExampleRecords through the host's API: the record and its event in one transaction. */
@PluginTest(strict = true)
class TestExampleRecords {

    private static String records(PluginHarness harness) {
        return "/api/v1/plugins/" + harness.pluginId() + "/records";
    }

    private static JsonObject json(HostApi.Response response) {
        return Json.parseObject(response.body());
    }

    @Test
    void a_record_is_stored_and_its_event_delivered(PluginHarness harness) {
        JsonObject data = harness.sample(ExampleEvents.EXAMPLE);

        String eventId = json(harness.api().post(records(harness), data).expect(201)).string("event_id");

        assertEquals(data, harness.awaitDelivery(eventId).data());
        JsonObject listed = json(harness.api().get(records(harness)).expect(200));
        assertEquals("Hello", listed.string("greeting"));
        assertEquals(data.string("title"), listed.string("records.0.title"));
    }

    @Test
    void a_refused_event_leaves_no_record(PluginHarness harness) {
        JsonObject bad = harness.sample(ExampleEvents.EXAMPLE).with("example_id", "nope");   // breaks the schema

        harness.api().post(records(harness), bad).expect(400);

        assertEquals(0, json(harness.api().get(records(harness)).expect(200)).array("records").size());
    }

    @Test
    void the_longest_title_is_a_setting(PluginHarness harness) {
        harness.api().put("/api/v1/plugins/" + harness.pluginId() + "/settings",
                JsonObject.of(ExamplePlugin.LONGEST_TITLE, 5)).expect(200);

        harness.api().post(records(harness), harness.sample(ExampleEvents.EXAMPLE)).expect(400);
    }
}
