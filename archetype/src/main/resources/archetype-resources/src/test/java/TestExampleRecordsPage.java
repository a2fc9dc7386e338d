package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plugboard.sdk.json.Json;
import io.plugboard.testkit.AdminSession;
import io.plugboard.testkit.PluginHarness;
import io.plugboard.testkit.PluginTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The admin page of ExampleRecordsPage, submitted as an admin would: signed in, with the CSRF token. */
@PluginTest(strict = true)
class TestExampleRecordsPage {

    private static String page(PluginHarness harness) {
        return "/admin/plugins/" + harness.pluginId() + "/records";
    }

    private static int storedRecords(PluginHarness harness) {
        String body = harness.api().get("/api/v1/plugins/" + harness.pluginId() + "/records").expect(200).body();
        return Json.parseObject(body).array("records").size();
    }

    @Test
    void an_invalid_submit_shows_the_form_again_with_the_error_at_its_field(PluginHarness harness) {
        AdminSession.Page invalid = harness.admin().form(page(harness)).field("title", "   ").submit();

        assertEquals(400, invalid.status());
        assertTrue(invalid.body().contains("<p class=\"error\" id=\"title-error\">Enter a title.</p>"), invalid.body());
        assertTrue(invalid.body().contains("role=\"alert\""), "the host's error summary");
        assertEquals(0, storedRecords(harness));
    }

    @Test
    void a_valid_submit_stores_the_record_emits_and_redirects_back(PluginHarness harness) {
        AdminSession.Page done = harness.admin().form(page(harness)).field("title", "From the admin").submit();

        assertEquals(303, done.status());
        assertTrue(done.location().endsWith(page(harness)), done.location());
        harness.capture().await(r -> "From the admin".equals(r.data().optionalString("title").orElse(null)),
                "the event of the new record", Duration.ofSeconds(15));
        assertEquals(1, storedRecords(harness));
        assertTrue(harness.admin().get(page(harness)).body().contains("From the admin"));
    }
}
