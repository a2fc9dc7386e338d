package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PageField;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin pages, over HTTP against a real started host. */
class TestAdminPages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final Pattern TESTED_LOCATION = Pattern.compile("/admin/(webhooks|events)\\?tested=att_[0-9A-Z]{26}#test-result");

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    // ---------------------------------------------------------------- pages and layout

    @Test
    void adminIsTheDashboard() {
        assertPage(host.http().get("/admin"), 200, "Dashboard", "/admin");
    }

    @Test
    void everyPageRendersHtmlInsideTheLayout() {
        String id = createWebhook("Orders", "https://example.com/orders", "order_placed");

        assertPage(host.http().get("/admin/webhooks"), 200, "Webhooks", "/admin/webhooks");
        assertPage(host.http().get("/admin/events"), 200, "Events", "/admin/events");
        assertPage(host.http().get("/admin/plugins"), 200, "Plugins", "/admin/plugins");
        assertPage(host.http().get("/admin/webhooks/new"), 200, "Add webhook", "/admin/webhooks");
        assertPage(host.http().get("/admin/webhooks/" + id + "/edit"), 200, "Edit webhook", "/admin/webhooks");
        assertPage(host.http().get("/admin/webhooks/" + id + "/delete"), 200, "Delete webhook", "/admin/webhooks");
    }

    @Test
    void pluginsPageSaysWhenNoPluginIsInstalled() {
        assertThat(HtmlPage.of(page("/admin/plugins")).text()).contains("No plugins installed.")
                .contains(host.pluginsDir().toAbsolutePath().toString());
    }

    @Test
    void webhooksPageShowsTheEmptyStateWhenThereAreNone() {
        HtmlPage webhooks = HtmlPage.of(page("/admin/webhooks"));
        assertThat(webhooks.text()).contains("No webhooks yet.");
        assertThat(webhooks.link("Add your first webhook")).isEqualTo("/admin/webhooks/new");
        assertThat(webhooks.all("table")).as("no table").isEmpty();
    }

    @Test
    void webhooksPageShowsOneRowPerWebhook() {
        host.receiver().respond(200, "ok");
        String orders = createWebhook("Shop orders", host.receiver().url("/orders"), "order_placed", "ping");
        String muted = createWebhook("Muted", "https://muted.example.org/x", "ping");
        host.http().patchJson("/api/v1/webhooks/" + muted, "{\"enabled\": false}");
        apiSendTest(orders);
        apiSendTest(orders);

        HtmlPage body = HtmlPage.of(page("/admin/webhooks"));
        assertThat(body.text()).doesNotContain("No webhooks yet.").contains("2 webhook(s)");
        assertThat(body.rows("Webhooks")).hasSize(2);

        HtmlPage ordersRow = body.row("Webhooks", "Shop orders");
        assertSwitch(ordersRow, orders, "Shop orders", true);
        assertThat(ordersRow.cell("Where to")).contains(host.receiver().url("/orders"));
        assertThat(ordersRow.cell("Events")).startsWith("order_placed, ping ");
        assertThat(ordersRow.cell("Last delivery")).contains("2 ok / 0 failed");
        // The badge's colour (its class) is how the row says the last delivery went well.
        assertThat(ordersRow.element(".badge").hasClass("ok")).as("an ok badge").isTrue();

        HtmlPage mutedRow = body.row("Webhooks", "Muted");
        assertSwitch(mutedRow, muted, "Muted", false);
        assertThat(mutedRow.cell("Where to")).contains("https://muted.example.org/x");
        assertThat(mutedRow.cell("Events")).startsWith("ping ");
        assertThat(mutedRow.cell("Last delivery")).startsWith("never ").contains("0 ok / 0 failed");
    }

    @Test
    void searchFiltersTheRows() {
        createWebhook("Shop orders", "https://shop.example.com/orders", "order_placed");
        createWebhook("Pinger", "https://ping.example.net/p", "ping");

        HtmlPage byName = HtmlPage.of(page("/admin/webhooks?q=SHOP"));
        assertThat(names(byName)).containsExactly("Shop orders");
        assertThat(byName.field("Search webhooks by name or URL").value()).isEqualTo("SHOP");
        assertThat(byName.text()).contains("matching “SHOP”");
        assertThat(byName.link("Clear search")).isEqualTo("/admin/webhooks");

        assertThat(names(HtmlPage.of(page("/admin/webhooks?q=example.net")))).containsExactly("Pinger");

        HtmlPage none = HtmlPage.of(page("/admin/webhooks?q=nothing"));
        assertThat(none.all("table")).as("no rows, no table").isEmpty();
        assertThat(none.text()).contains("No webhook matches “nothing”.").doesNotContain("No webhooks yet.");

        assertThat(names(HtmlPage.of(page("/admin/webhooks")))).containsExactlyInAnyOrder("Shop orders", "Pinger");
    }

    // ---------------------------------------------------------------- escaping

    @Test
    void userDataIsHtmlEscapedOnEveryPageThatShowsIt() {
        // The API refuses '<' and '"' in a URL (not a valid URI), so the URL carries the other
        // characters Handlebars escapes: '=', '&' and '\''.
        host.receiver().respond(200, SCRIPT);
        String id = createWebhook(SCRIPT, host.receiver().url("/?a=1&c='d'"), "order_placed");
        String escapedUrl = esc(host.receiver().url("/?a=1&c='d'"));

        String list = page("/admin/webhooks");
        String edit = page("/admin/webhooks/" + id + "/edit");
        String confirm = page("/admin/webhooks/" + id + "/delete");
        String events = page("/admin/events");
        String listResult = followRedirect(host.http().postForm("/admin/webhooks/" + id + "/test", form()));
        String eventsResult = followRedirect(host.http().postForm("/admin/events/ping/test", form("webhook_id", id)));

        for (String body : List.of(list, edit, confirm, events, listResult, eventsResult)) {
            assertEscaped(body);
        }
        assertThat(list).contains("/?a&#x3D;1&amp;c&#x3D;&#x27;d&#x27;</span>")
                .contains("title=\"" + ESCAPED_SCRIPT + "\">" + ESCAPED_SCRIPT + "</a>")
                .contains("title=\"" + escapedUrl + "\">" + escapedUrl + "</span>");
        assertThat(edit).contains("name=\"name\" value=\"" + ESCAPED_SCRIPT + "\"")
                .contains("name=\"url\" value=\"" + escapedUrl + "\"");
        assertThat(confirm).contains(escapedUrl);
        assertShownAsText(HtmlPage.of(confirm), "This permanently deletes " + SCRIPT);
        HtmlPage eventsPage = HtmlPage.of(events);
        assertShownAsText(eventsPage, SCRIPT);
        assertThat(eventsPage.field("Send as a test to").optionValue(SCRIPT)).isEqualTo(id);
        for (String result : List.of(listResult, eventsResult)) {
            assertThat(result).contains(escapedUrl);
            HtmlPage panel = testResultPanel(result);
            assertShownAsText(panel, "sent to " + SCRIPT);
            assertThat(panel.heading(2)).endsWith("sent to " + SCRIPT);
            assertThat(panel.element("#test-body").text()).isEqualTo(SCRIPT);
        }
    }

    @Test
    void flashMessageIsEscapedToo() {
        String id = createWebhook(SCRIPT, "https://example.com/h", "ping");
        Http.Response toggled = host.http().postForm("/admin/webhooks/" + id + "/toggle", form());
        String next = getWithCookie("/admin/webhooks", flashCookie(toggled)).body();
        assertEscaped(next);
        assertShownAsText(HtmlPage.of(next), SCRIPT);
        assertThat(HtmlPage.of(next).statuses()).containsExactly("Webhook “" + SCRIPT + "” turned off.");
    }

    // ---------------------------------------------------------------- add form

    @Test
    void addFormCreatesTheWebhookAndTheNextPageFlashesIt() {
        Http.Response r = host.http().postForm("/admin/webhooks", form("name", "Orders", "url", "https://example.com/in",
                "events", "order_placed", "events", "ping", "enabled", "on", "token", "tok_123"));

        assertRedirect(r, "/admin/webhooks");
        JsonNode stored = onlyWebhook();
        assertThat(stored.get("name").asText()).isEqualTo("Orders");
        assertThat(stored.get("url").asText()).isEqualTo("https://example.com/in");
        assertThat(stored.get("events")).extracting(JsonNode::asText).containsExactly("order_placed", "ping");
        assertThat(stored.get("enabled").asBoolean()).isTrue();
        assertThat(stored.get("has_token").asBoolean()).isTrue();

        Http.Response next = getWithCookie("/admin/webhooks", flashCookie(r));
        assertThat(next.status()).isEqualTo(200);
        assertThat(HtmlPage.of(next).statuses())
                .containsExactly("Webhook “Orders” created. Its signing secret is on its edit page.");
        HtmlPage row = HtmlPage.of(next).row("Webhooks", "Orders");
        assertThat(row.cell("Where to")).contains("https://example.com/in");
        assertSwitch(row, stored.get("id").asText(), "Orders", true);
        assertThat(next.headers().allValues("Set-Cookie")).as("the flash is shown once")
                .anySatisfy(c -> assertThat(c).startsWith("plugboard_flash=;")
                        .containsAnyOf("Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        assertThat(HtmlPage.of(page("/admin/webhooks")).statuses()).as("no flash").isEmpty();
    }

    @Test
    void anUncheckedEnabledBoxCreatesADisabledWebhook() {
        assertRedirect(host.http().postForm("/admin/webhooks", form("name", "Quiet", "url", "https://example.com/q",
                "events", "ping")), "/admin/webhooks");
        assertThat(onlyWebhook().get("enabled").asBoolean()).isFalse();
        assertThat(onlyWebhook().get("has_token").asBoolean()).isFalse();
    }

    @Test
    void invalidAddFormIsShownAgainWithErrorsAndTypedValues() {
        Http.Response r = host.http().postForm("/admin/webhooks", form("name", "", "url", "ftp://x", "token", "tok_typed"));

        assertPage(r, 400, "Add webhook", "/admin/webhooks");
        HtmlPage form = HtmlPage.of(r);
        assertThat(form.text()).contains("The webhook was not saved.");
        PageField name = form.field("Name");
        assertThat(name.invalid()).isTrue();
        assertThat(name.description()).isEqualTo("name is required");
        assertThat(name.value()).isEmpty();
        PageField url = form.field("Endpoint URL");
        assertThat(url.invalid()).isTrue();
        assertThat(url.description()).endsWith("url must start with http:// or https://");
        assertThat(url.value()).isEqualTo("ftp://x");
        assertThat(form.element("fieldset[aria-describedby=events-error] legend").text()).isEqualTo("Events to send");
        assertThat(form.element("#events-error").text()).isEqualTo("choose at least one event type");
        assertThat(form.field("Bearer token").value()).isEqualTo("tok_typed");
        assertThat(form.field("Ping").checked()).isFalse();
        assertThat(r.header("Set-Cookie")).as("no flash").isNull();
        assertThat(webhookTotal()).isZero();
    }

    @Test
    void invalidAddFormKeepsTheCheckedEvents() {
        Http.Response r = host.http().postForm("/admin/webhooks", form("name", "Orders", "url", "ftp://x", "events", "ping"));
        assertThat(r.status()).isEqualTo(400);
        HtmlPage form = HtmlPage.of(r);
        PageField name = form.field("Name");
        assertThat(name.value()).isEqualTo("Orders");
        assertThat(name.invalid()).isFalse();
        assertThat(name.description()).as("no error at the name").isEmpty();
        assertThat(form.field("Ping").checked()).isTrue();
        assertThat(form.field("Order placed").checked()).isFalse();
        assertThat(webhookTotal()).isZero();
    }

    @Test
    void generateTokenFillsInATokenWithoutSaving() {
        Http.Response r = host.http().postForm("/admin/webhooks", form("name", "Orders", "url", "https://example.com/in",
                "events", "ping", "token", "", "generate_token", "1"));

        assertPage(r, 200, "Add webhook", "/admin/webhooks");
        HtmlPage form = HtmlPage.of(r);
        String token = form.field("Bearer token").value();
        assertThat(token).isNotBlank().isNotEqualTo("1");
        assertThat(form.field("Name").value()).isEqualTo("Orders");
        assertThat(form.field("Ping").checked()).isTrue();
        assertThat(form.text()).doesNotContain("The webhook was not saved.");
        assertThat(webhookTotal()).isZero();

        String again = HtmlPage.of(host.http().postForm("/admin/webhooks", form("name", "Orders", "generate_token", "1")))
                .field("Bearer token").value();
        assertThat(again).as("a fresh token each time").isNotBlank().isNotEqualTo(token);
    }

    // ---------------------------------------------------------------- edit form

    @Test
    void editFormChangesNameAndEventsAndAnEmptyTokenKeepsTheToken() throws Exception {
        String id = createWebhookWithToken("Orders", host.receiver().url("/h"), "token-1", "order_placed");
        HtmlPage edit = HtmlPage.of(page("/admin/webhooks/" + id + "/edit"));
        assertThat(edit.element("form:has(#token)").attr("action")).as("where the form posts")
                .isEqualTo("/admin/webhooks/" + id);
        PageField token = edit.field("Bearer token");
        assertThat(token.value()).as("the token is not shown").isEmpty();
        assertThat(token.description()).contains("A token is set; leave this empty to keep it.");
        assertThat(edit.field("Remove the current token").checked()).isFalse();

        Http.Response r = host.http().postForm("/admin/webhooks/" + id, form("name", "Renamed", "url", host.receiver().url("/h"),
                "events", "ping", "enabled", "on", "token", ""));

        assertRedirect(r, "/admin/webhooks");
        JsonNode w = webhook(id);
        assertThat(w.get("name").asText()).isEqualTo("Renamed");
        assertThat(w.get("events")).extracting(JsonNode::asText).containsExactly("ping");
        assertThat(w.get("enabled").asBoolean()).isTrue();
        assertThat(w.get("has_token").asBoolean()).isTrue();
        assertThat(HtmlPage.of(getWithCookie("/admin/webhooks", flashCookie(r))).statuses())
                .containsExactly("Webhook “Renamed” saved.");
        apiSendTest(id);
        assertThat(host.receiver().next(Duration.ofSeconds(5)).header("authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void editFormClearTokenRemovesTheToken() {
        String id = createWebhookWithToken("Orders", "https://example.com/in", "token-1", "order_placed");

        assertRedirect(host.http().postForm("/admin/webhooks/" + id, form("name", "Orders", "url", "https://example.com/in",
                "events", "order_placed", "enabled", "on", "token", "", "clear_token", "1")), "/admin/webhooks");

        assertThat(webhook(id).get("has_token").asBoolean()).isFalse();
        HtmlPage edit = HtmlPage.of(page("/admin/webhooks/" + id + "/edit"));
        assertThat(edit.text()).as("no box to remove a token").doesNotContain("Remove the current token");
        assertThat(edit.field("Bearer token").description()).doesNotContain("A token is set");
    }

    @Test
    void invalidEditFormChangesNothing() {
        String id = createWebhook("Orders", "https://example.com/in", "order_placed");
        Http.Response r = host.http().postForm("/admin/webhooks/" + id, form("name", "Renamed", "url", "https://example.com/in"));
        assertPage(r, 400, "Edit webhook", "/admin/webhooks");
        HtmlPage form = HtmlPage.of(r);
        assertThat(form.element("fieldset[aria-describedby=events-error] legend").text()).isEqualTo("Events to send");
        assertThat(form.element("#events-error").text()).isEqualTo("choose at least one event type");
        assertThat(form.field("Name").value()).isEqualTo("Renamed");
        assertThat(webhook(id).get("name").asText()).isEqualTo("Orders");
    }

    // ---------------------------------------------------------------- toggle

    @Test
    void toggleFlipsEnabled() {
        String id = createWebhook("Orders", "https://example.com/in", "order_placed");

        assertRedirect(host.http().postForm("/admin/webhooks/" + id + "/toggle", form()), "/admin/webhooks");
        assertThat(webhook(id).get("enabled").asBoolean()).isFalse();
        assertSwitch(HtmlPage.of(page("/admin/webhooks")).row("Webhooks", "Orders"), id, "Orders", false);

        Http.Response again = host.http().postForm("/admin/webhooks/" + id + "/toggle", form());
        assertRedirect(again, "/admin/webhooks");
        assertThat(webhook(id).get("enabled").asBoolean()).isTrue();
        HtmlPage next = HtmlPage.of(getWithCookie("/admin/webhooks", flashCookie(again)));
        assertThat(next.statuses()).containsExactly("Webhook “Orders” turned on.");
        assertSwitch(next.row("Webhooks", "Orders"), id, "Orders", true);
    }

    // ---------------------------------------------------------------- send test

    @Test
    void sendTestFromTheWebhooksListShowsTheResult() throws Exception {
        host.receiver().respond(200, "{\"received\":true}");
        String id = createWebhook("Receiver", host.receiver().url("/hooks"), "order_placed", "ping");

        Http.Response r = host.http().postForm("/admin/webhooks/" + id + "/test", form());

        assertTestedRedirect(r, "webhooks");
        Receiver.Request req = host.receiver().next(Duration.ofSeconds(5));
        JsonNode envelope = MAPPER.readTree(req.body());
        assertThat(envelope.get("type").asText()).isEqualTo("order_placed");
        HtmlPage panel = testResultPanel(followRedirect(r));
        assertSuccessPanel(panel, "order_placed", "Receiver", envelope.get("id").asText());
        assertThat(panel.element("#test-body").text()).isEqualTo("{\n  \"received\": true\n}");
        assertThat(panel.all("#test-body .j-key").eachText()).as("highlighted").containsExactly("\"received\"");
    }

    @Test
    void sendTestFromTheEventsPageShowsTheResult() throws Exception {
        host.receiver().respond(200, "thanks");
        String id = createWebhook("Receiver", host.receiver().url("/hooks"), "ping");

        Http.Response r = host.http().postForm("/admin/events/order_placed/test", form("webhook_id", id));

        assertTestedRedirect(r, "events");
        Receiver.Request req = host.receiver().next(Duration.ofSeconds(5));
        JsonNode envelope = MAPPER.readTree(req.body());
        assertThat(envelope.get("type").asText()).isEqualTo("order_placed");
        assertThat(envelope.get("data")).isEqualTo(MAPPER.readTree(TestHost.ORDER_SAMPLE));
        String page = followRedirect(r);
        assertThat(HtmlPage.of(page).heading(1)).isEqualTo("Events");
        HtmlPage panel = testResultPanel(page);
        assertSuccessPanel(panel, "order_placed", "Receiver", envelope.get("id").asText());
        assertThat(panel.element("#test-body").text()).isEqualTo("thanks");
    }

    @Test
    void aFailedTestIsShownAsFailed() {
        host.receiver().respond(500, "boom");
        String id = createWebhook("Receiver", host.receiver().url("/hooks"), "ping");
        HtmlPage panel = testResultPanel(followRedirect(host.http().postForm("/admin/webhooks/" + id + "/test", form())));
        assertThat(panel.text()).containsPattern("Failed HTTP 500 in \\d+ ms — HTTP 500");
        assertThat(panel.element("#test-body").text()).isEqualTo("boom");
    }

    @Test
    void eventsTestWithoutAWebhookIsA400Page() {
        createWebhook("Receiver", host.receiver().url("/hooks"), "ping");
        for (List<Map.Entry<String, String>> fields : List.of(form(), form("webhook_id", ""))) {
            Http.Response r = host.http().postForm("/admin/events/order_placed/test", fields);
            assertPage(r, 400, "Error 400", null);
            assertThat(HtmlPage.of(r).alerts()).singleElement(STRING).contains("choose a webhook to send the test to");
        }
        assertThat(host.receiver().all()).isEmpty();
    }

    // ---------------------------------------------------------------- delete

    @Test
    void deleteNeedsTheExactName() {
        String id = createWebhook("Shop orders", "https://example.com/in", "order_placed");
        HtmlPage confirm = HtmlPage.of(page("/admin/webhooks/" + id + "/delete"));
        assertThat(confirm.element("form:has(#confirm_name)").attr("action")).as("where the form posts")
                .isEqualTo("/admin/webhooks/" + id + "/delete");
        assertThat(confirm.text()).contains("This permanently deletes Shop orders (https://example.com/in)");
        // The name is set in bold, which only the markup shows.
        assertThat(confirm.element("p:containsOwn(This permanently deletes) > strong").text()).isEqualTo("Shop orders");
        String label = "Type the webhook's name, Shop orders, to confirm";
        assertThat(confirm.field(label).value()).isEmpty();

        Http.Response wrong = host.http().postForm("/admin/webhooks/" + id + "/delete", form("confirm_name", "shop orders"));
        assertPage(wrong, 400, "Delete webhook", "/admin/webhooks");
        PageField typed = HtmlPage.of(wrong).field(label);
        assertThat(typed.invalid()).isTrue();
        assertThat(typed.description()).contains("The name you typed does not match. Type “Shop orders” exactly");
        assertThat(host.http().get("/api/v1/webhooks/" + id).status()).isEqualTo(200);

        Http.Response none = host.http().postForm("/admin/webhooks/" + id + "/delete", form());
        assertThat(none.status()).isEqualTo(400);
        assertThat(host.http().get("/api/v1/webhooks/" + id).status()).isEqualTo(200);

        Http.Response ok = host.http().postForm("/admin/webhooks/" + id + "/delete", form("confirm_name", "Shop orders"));
        assertRedirect(ok, "/admin/webhooks");
        assertThat(host.http().get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        HtmlPage after = HtmlPage.of(getWithCookie("/admin/webhooks", flashCookie(ok)));
        assertThat(after.statuses()).containsExactly("Webhook “Shop orders” deleted.");
        assertThat(after.text()).contains("No webhooks yet.");
    }

    // ---------------------------------------------------------------- events page

    @Test
    void eventsPageListsTheEventTypesWithTheirSamples() {
        HtmlPage body = HtmlPage.of(page("/admin/events"));

        assertThat(body.text()).contains("8 event type(s) available");
        assertThat(body.headings(2)).contains("Shop", "Plugboard");
        HtmlPage order = eventCard(body, "order_placed");
        assertThat(order.heading(3)).startsWith("Order placed");
        assertThat(order.text()).contains("order_placed").contains("An order was placed.").contains("JSON Schema");
        assertThat(order.definition("Group")).isEqualTo("Shop");
        assertThat(order.definition("Plugin")).isEqualTo("app");
        assertThat(order.element("pre").text()).startsWith("{\n  \"order_id\": \"ord_1\",\n  \"total\": \"12.50\",");
        assertThat(order.all("pre .j-str").eachText()).as("highlighted").contains("\"ord_1\"");
        assertThat(order.all("a[href]").eachAttr("href")).contains("/admin/webhooks/new?event=order_placed");
        HtmlPage ping = eventCard(body, "ping");
        assertThat(ping.heading(3)).startsWith("Ping");
        assertThat(ping.text()).contains("ping").doesNotContain("JSON Schema");
        assertThat(ping.definition("Group")).isEqualTo("Shop");
        assertThat(ping.definition("Plugin")).isEqualTo("app");
        assertThat(ping.element("pre").text()).isEqualTo("{\n  \"n\": 1\n}");
        assertThat(ping.all("pre .j-num").eachText()).as("highlighted").containsExactly("1");
    }

    @Test
    void eventsPageOffersEveryWebhookForATest() {
        String a = createWebhook("Alpha", "https://a.example/h", "ping");
        String b = createWebhook("Beta", "https://b.example/h", "order_placed");
        HtmlPage card = eventCard(HtmlPage.of(page("/admin/events")), "ping");
        assertThat(card.element("form:has(select)").attr("action")).isEqualTo("/admin/events/ping/test");
        PageField webhook = card.field("Send as a test to");
        assertThat(webhook.optionTexts()).containsExactlyInAnyOrder("Alpha", "Beta");
        assertThat(webhook.optionValue("Alpha")).isEqualTo(a);
        assertThat(webhook.optionValue("Beta")).isEqualTo(b);
        assertThat(card.text()).doesNotContain("Add a webhook");
    }

    @Test
    void addFormPreselectsTheEventFromTheQuery() {
        HtmlPage form = HtmlPage.of(page("/admin/webhooks/new?event=ping"));
        assertThat(form.field("Ping").checked()).isTrue();
        assertThat(form.field("Order placed").checked()).isFalse();
    }

    // ---------------------------------------------------------------- not found

    @Test
    void anUnknownWebhookIsAn404HtmlPageOnEveryAdminRoute() {
        String missing = "wh_missing";
        List<Http.Response> responses = List.of(
                host.http().get("/admin/webhooks/" + missing + "/edit"),
                host.http().get("/admin/webhooks/" + missing + "/delete"),
                host.http().postForm("/admin/webhooks/" + missing, form("name", "x", "url", "https://example.com", "events", "ping")),
                host.http().postForm("/admin/webhooks/" + missing + "/toggle", form()),
                host.http().postForm("/admin/webhooks/" + missing + "/test", form()),
                host.http().postForm("/admin/webhooks/" + missing + "/delete", form("confirm_name", "x")),
                host.http().postForm("/admin/events/ping/test", form("webhook_id", missing)));
        for (Http.Response r : responses) {
            assertPage(r, 404, "Error 404", null);
            assertThat(r.body()).doesNotStartWith("{");
            HtmlPage notFound = HtmlPage.of(r);
            assertThat(notFound.heading(1)).isEqualTo("Not found");
            assertThat(notFound.alerts()).singleElement(STRING).contains("no webhook has the id '" + missing + "'");
        }
    }

    // ================================================================ helpers

    /** Creates a webhook through the API and returns its id. */
    private String createWebhook(String name, String url, String... events) {
        return createWebhookWithToken(name, url, null, events);
    }

    private String createWebhookWithToken(String name, String url, String token, String... events) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "url", url, "events", List.of(events)));
        if (token != null) {
            body.put("token", token);
        }
        Http.Response r = host.http().postJson("/api/v1/webhooks", Http.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private JsonNode webhook(String id) {
        Http.Response r = host.http().get("/api/v1/webhooks/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private int webhookTotal() {
        return host.http().get("/api/v1/webhooks").json().get("total").asInt();
    }

    private JsonNode onlyWebhook() {
        JsonNode list = host.http().get("/api/v1/webhooks").json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        return webhook(list.get("data").get(0).get("id").asText());
    }

    private void apiSendTest(String id) {
        Http.Response r = host.http().postJson("/api/v1/webhooks/" + id + "/test", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Form fields as name/value pairs; a name may repeat. */
    private static List<Map.Entry<String, String>> form(String... nameValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return fields;
    }

    /** GETs an admin page that must render fine, and returns its HTML. */
    private String page(String path) {
        Http.Response r = host.http().get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        return r.body();
    }

    /**
     * @param title the page's own title, shown before the site name
     * @param activeHref the navigation entry marked current, or null for none
     */
    private static void assertPage(Http.Response r, int status, String title, String activeHref) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).startsWith("<!doctype html>");
        HtmlPage page = HtmlPage.of(r);
        assertThat(page.title()).isEqualTo(title + " · Test Site");
        assertThat(page.link("Test Site")).isEqualTo("/admin");
        HtmlPage nav = page.within("nav[aria-label=\"Admin sections\"]");
        for (String[] entry : new String[][] {{"/admin/webhooks", "Webhooks"}, {"/admin/events", "Events"},
                {"/admin/plugins", "Plugins"}}) {
            assertThat(nav.link(entry[1])).isEqualTo(entry[0]);
            assertThat(nav.element("a[href=\"" + entry[0] + "\"]").hasAttr("aria-current"))
                    .as(entry[1] + " marked current").isEqualTo(entry[0].equals(activeHref));
        }
    }

    private static void assertRedirect(Http.Response r, String location) {
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo(location);
    }

    private static void assertTestedRedirect(Http.Response r, String page) {
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(r.header("Location")).matches(TESTED_LOCATION).startsWith("/admin/" + page + "?tested=");
    }

    private static void assertEscaped(String body) {
        assertThat(body).doesNotContain(SCRIPT).contains(ESCAPED_SCRIPT);
    }

    /** The user sees {@code text} with its angle brackets, and no script of the page is inline (an injected one). */
    private static void assertShownAsText(HtmlPage page, String text) {
        assertThat(page.text()).contains(text);
        assertThat(page.all("script:not([src])")).as("inline scripts").isEmpty();
    }

    private static void assertSuccessPanel(HtmlPage panel, String eventType, String webhookName, String eventId) {
        assertThat(panel.heading(2)).isEqualTo("Test event " + eventType + " sent to " + webhookName);
        assertThat(panel.text()).contains("Delivered HTTP 200 in ").contains("Event " + eventId);
    }

    /** Follows a redirect from the admin (without the fragment) and returns the page it leads to. */
    private String followRedirect(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        String location = r.header("Location");
        int hash = location.indexOf('#');
        return page(hash < 0 ? location : location.substring(0, hash));
    }

    /** @return the {@code name=value} of the flash cookie the response sets */
    private static String flashCookie(Http.Response r) {
        String setCookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("plugboard_flash=")).findFirst()
                .orElseThrow(() -> new AssertionError("no flash cookie in " + r.headers().map()));
        assertThat(setCookie).contains("Path=/admin").contains("HttpOnly");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** A GET with a Cookie header: the {@link Http} helper keeps only the session cookie. */
    private Http.Response getWithCookie(String path, String cookie) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(host.host().baseUrl() + path))
                .header("Cookie", cookie + "; " + host.http().sessionCookieHeader()).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the names the Webhooks table lists, in its order: each Name cell without its "added …" line */
    private static List<String> names(HtmlPage webhooks) {
        return webhooks.rows("Webhooks").stream().map(r -> r.cell("Name").replaceFirst(" added .*$", "")).toList();
    }

    /**
     * The row's on/off switch as a screen reader announces it ("On — Orders", checked) and where it posts.
     * The visible word is the start of its name; the rest is hidden text that says which webhook it turns.
     */
    private static void assertSwitch(HtmlPage row, String id, String name, boolean on) {
        assertThat(row.buttons()).contains((on ? "On" : "Off") + " — " + name);
        assertThat(row.element("[role=switch]").attr("aria-checked")).isEqualTo(String.valueOf(on));
        assertThat(row.element("form:has([role=switch])").attr("action")).isEqualTo("/admin/webhooks/" + id + "/toggle");
    }

    private static HtmlPage eventCard(HtmlPage events, String key) {
        return events.within("article#event-" + key);
    }

    private static HtmlPage testResultPanel(String body) {
        return HtmlPage.of(body).within("#test-result");
    }

    /** HTML-escapes like Handlebars.java does for {@code {{value}}}. */
    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;").replace("`", "&#x60;").replace("=", "&#x3D;");
    }
}
