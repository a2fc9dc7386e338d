package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin side of payload templates: form fields and preview, secrets, test console, inspector. No JavaScript needed. */
class TestPayloadAdminPages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    private static List<Map.Entry<String, String>> form(String... nameValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return fields;
    }

    @Test
    void theFormSavesATemplateHeadersAndFilterAndPreviewsWithoutSaving() {
        host.http().postForm("/admin/secrets", form("name", "HOOK_KEY", "value", "hidden-value-77"));
        String template = "{\"text\": \"Order {{data.order_id}} <b>\", \"k\": \"{{secret \\\"HOOK_KEY\\\"}}\"}"
                .replace("\\\"", "\"");
        Http.Response preview = host.http().postForm("/admin/webhooks", form("name", "Slack", "url", "https://example.com/slack",
                "events", "order_placed", "enabled", "on", "format", "template", "template", template,
                "headers", "X-Team: shop\nX-Key: {{secret \"HOOK_KEY\"}}", "filter", "data.total >= 10",
                "preview_event", "order_placed", "preview", "1"));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("Order ord_1 &lt;b&gt;").doesNotContain("hidden-value-77");
        HtmlPage previewed = HtmlPage.of(preview);
        assertThat(previewed.headings(3)).contains("Preview: order_placed as it would be sent (secrets masked)");
        assertThat(previewed.text()).contains("Order ord_1 <b>").contains("X-Key: ****");
        assertThat(previewed.field("Template").value()).isEqualTo(template);
        assertThat(previewed.field("Format").value()).isEqualTo("template");
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).as("preview does not save").isZero();

        Http.Response invalid = host.http().postForm("/admin/webhooks", form("name", "Slack", "url", "https://example.com/slack",
                "events", "order_placed", "format", "template", "template", "{{#each}}", "headers", "no colon here",
                "filter", "data.total >"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("line 1 must be written as Name: value");

        Http.Response created = host.http().postForm("/admin/webhooks", form("name", "Slack", "url", "https://example.com/slack",
                "events", "order_placed", "enabled", "on", "format", "template", "template", template,
                "headers", "X-Team: shop", "filter", "data.total >= 10"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        var saved = host.http().get("/api/v1/webhooks").json().get("data").get(0);
        assertThat(saved.get("format").asText()).isEqualTo("template");
        assertThat(saved.get("headers").get("X-Team").asText()).isEqualTo("shop");
        String list = host.http().get("/admin/webhooks").body();
        assertThat(list).contains("data.total &gt;&#x3D; 10").contains("/admin/webhooks/" + saved.get("id").asText() + "/console");
        assertThat(HtmlPage.of(list).text()).contains("format template");
        String edit = host.http().get("/admin/webhooks/" + saved.get("id").asText() + "/edit").body();
        assertThat(edit).contains("X-Team: shop").contains("value=\"data.total &gt;&#x3D; 10\"");
    }

    @Test
    void secretsPageAddsListsAndDeletesWithoutEverShowingAValue() {
        Http.Response added = host.http().postForm("/admin/secrets", form("name", "SLACK_TOKEN", "value", "xoxb-1234-secret"));
        assertThat(added.status()).isEqualTo(302);
        String page = host.http().get("/admin/secrets").body();
        assertThat(page).doesNotContain("xoxb-1234-secret");
        HtmlPage secrets = HtmlPage.of(page);
        assertThat(secrets.text()).contains("SLACK_TOKEN");
        assertThat(secrets.current("Admin sections")).isEqualTo(new HtmlPage.Current("Secrets", "page"));
        Http.Response bad = host.http().postForm("/admin/secrets", form("name", "lower", "value", "v"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("name must be an upper-case letter");

        host.createWebhook("Holder", "https://example.com/h", "ping");
        String id = host.http().get("/api/v1/webhooks").json().get("data").get(0).get("id").asText();
        host.http().patchJson("/api/v1/webhooks/" + id, "{\"headers\":{\"X-T\":\"{{secret \\\"SLACK_TOKEN\\\"}}\"}}");
        Http.Response refused = host.http().postForm("/admin/secrets/SLACK_TOKEN/delete", form());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("secret SLACK_TOKEN is used by Holder (" + id + ")");
        host.http().patchJson("/api/v1/webhooks/" + id, "{\"headers\":{}}");
        assertThat(host.http().postForm("/admin/secrets/SLACK_TOKEN/delete", form()).status()).isEqualTo(302);
        assertThat(host.http().get("/admin/secrets").body()).contains("No secrets yet.");
    }

    @Test
    void theConsoleSendsAnEditedPayloadAndShowsRequestAndResponse() throws Exception {
        host.receiver().respond(200, "thanks <ok>");
        String id = host.createWebhook("Console", host.receiver().url("/c"), "order_placed", "ping").get("id").asText();
        String page = host.http().get("/admin/webhooks/" + id + "/console").body();
        assertThat(page).contains("&quot;order_id&quot; : &quot;ord_1&quot;");
        String sample = host.http().postForm("/admin/webhooks/" + id + "/console", form("event", "ping", "payload", "{}",
                "load_sample", "1")).body();
        assertThat(sample).contains("&quot;n&quot; : 1");

        Http.Response bad = host.http().postForm("/admin/webhooks/" + id + "/console", form("event", "ping", "payload", "{nope"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("the payload is not valid JSON");

        Http.Response sent = host.http().postForm("/admin/webhooks/" + id + "/console", form("event", "ping", "payload",
                "{\"n\": 99}"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Receiver.Request got = host.receiver().next(Duration.ofSeconds(5));
        assertThat(MAPPER.readTree(got.body()).get("data").get("n").asInt()).isEqualTo(99);
        assertThat(sent.body()).contains("thanks &lt;ok&gt;");
        assertThat(HtmlPage.of(sent).text()).contains("Delivered.").contains("HTTP 200").contains("thanks <ok>")
                .contains("webhook-signature: v1,").contains("\"n\":99");
    }

    @Test
    void theInspectorPageCreatesAnInboxAndShowsWhatArrived() {
        Http.Response created = host.http().postForm("/admin/inspector", form("label", "My <inbox>"));
        assertThat(created.status()).isEqualTo(302);
        String location = created.header("Location");
        assertThat(location).startsWith("/admin/inspector/ibx_");
        String inbox = location.substring("/admin/inspector/".length());
        assertThat(new Http(host.host().baseUrl()).postJson("/inspect/" + inbox, "{\"x\":\"<script>\"}").status())
                .isEqualTo(200);
        String page = host.http().get(location).body();
        assertThat(page).contains("Inbox My &lt;inbox&gt;").contains("/inspect/" + inbox)
                .contains("{&quot;x&quot;:&quot;&lt;script&gt;&quot;}").doesNotContain("<script>")
                .contains("The outbound guard refuses loopback addresses");
        assertThat(host.http().get("/admin/inspector").body()).contains("My &lt;inbox&gt;");
        HtmlPage inspector = HtmlPage.of(host.http().get("/admin/inspector"));
        assertThat(inspector.text()).contains("My <inbox>");
        assertThat(inspector.current("Admin sections")).isEqualTo(new HtmlPage.Current("Inspector", "page"));
        assertThat(host.http().postForm(location + "/delete", form()).status()).isEqualTo(302);
        assertThat(host.http().get(location).status()).isEqualTo(404);
    }
}
