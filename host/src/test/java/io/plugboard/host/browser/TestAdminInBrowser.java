package io.plugboard.host.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin in headless Chromium, as a user goes through it: log in, add a webhook (after a bad URL),
 * turn it off and on, send a test event, open the delivery log and redeliver, copy a sample from the
 * event catalog; upload a plugin jar, deactivate and activate it, and find its event type in the
 * catalog. The in-place actions must not reload the page.
 */
class TestAdminInBrowser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();
    @RegisterExtension
    static final Browser noScript = Browser.withJavaScriptOff();

    /** A host per test: each starts from an empty one (no webhooks, no plugins, no deliveries). */
    private TestHost host;
    private Receiver receiver;
    private String base;

    @BeforeEach
    void start() {
        host = TestHost.start();
        receiver = new Receiver().respond(200, "{\"received\":true,\"note\":\"<b>not html</b>\"}");
        base = host.host().baseUrl();
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aWebhookFromAddingToRedelivering() throws Exception {
        browser.login(base, TestHost.ADMIN, TestHost.PASSWORD);
        assertThat(browser.find(".empty").getText()).contains("No webhooks yet");
        assertThat(browser.find(".topbar .user").getText()).endsWith(TestHost.ADMIN);

        // A bad URL is refused with a message at the field, and what was typed is kept.
        browser.find(".page-head a.button").click();
        browser.find("#name").sendKeys("Orders to the warehouse");
        browser.find("#url").sendKeys("not a url");
        browser.find("input[name=events][value=order_placed]").click();
        browser.find("form.form button.primary").click();
        assertThat(browser.find("#url-error").getText()).isNotBlank();
        assertThat(browser.find("#url").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Orders to the warehouse");
        browser.screenshot("webhook-form-error-desktop");

        WebElement url = browser.find("#url");
        url.clear();
        url.sendKeys(receiver.url("/hooks"));
        browser.find("form.form button.primary").click();
        assertThat(browser.find(".flash").getText()).contains("Webhook \u201cOrders to the warehouse\u201d created");
        WebElement row = browser.find("table.webhooks tbody tr");
        assertThat(row.findElement(By.cssSelector(".url")).getAttribute("title")).isEqualTo(receiver.url("/hooks"));

        // From here on, the actions answer in place: a marker on the window survives only without reloads.
        browser.script("window.plugboardNoReload = true");

        browser.find("tr .toggle").click();
        browser.await("the toggle to say Off", d -> browser.find("tr .toggle").getText().startsWith("Off"));
        assertThat(browser.find("tr .toggle").getAttribute("aria-checked")).isEqualTo("false");
        assertThat(browser.find(".flash").getText()).contains("turned off");
        browser.find("tr .toggle").click();
        browser.await("the toggle to say On", d -> browser.find("tr .toggle").getText().startsWith("On"));
        assertThat(browser.find(".flash").getText()).contains("turned on");

        browser.find("tr .actions button").click();
        WebElement result = browser.find("#test-result");
        assertThat(result.getText()).contains("Delivered").contains("HTTP 200").contains("order_placed");
        assertThat(browser.find("#test-body").getText()).contains("\"received\": true").contains("<b>not html</b>");
        assertThat(browser.all("#test-body .j-key")).isNotEmpty();
        Receiver.Request tested = receiver.next(Duration.ofSeconds(10));
        assertThat(tested.bodyText()).contains("\"order_id\":\"ord_1\"");
        assertNoReload();
        browser.screenshot("webhooks-tested-desktop");

        // The delivery log: details open in place, and Redeliver queues the event again.
        browser.find("tr .actions a[href$='/deliveries']").click();
        browser.await("the delivery log", d -> d.getCurrentUrl().endsWith("/deliveries"));
        browser.script("window.plugboardNoReload = true");
        browser.find("table.deliveries .actions a").click();
        WebElement panel = browser.find("#delivery-panel .delivery-detail");
        assertThat(panel.getText()).contains("Attempt 1").contains("HTTP 200");
        assertThat(browser.find("#delivery-panel pre.code").getText()).contains("\"order_id\": \"ord_1\"");
        browser.find("#delivery-panel .card-head button.primary").click();
        browser.await("the redelivery to be queued", d -> browser.find(".flash").getText().contains("Queued again"));
        Receiver.Request again = receiver.next(Duration.ofSeconds(20));
        assertThat(again.header("webhook-id")).isEqualTo(tested.header("webhook-id"));
        browser.await("the redelivered delivery to show its attempt", d ->
                browser.find("#delivery-panel .delivery-detail").getText().contains("succeeded"));
        // The log's rows reload in place: the new delivery is on top, and turns from pending to succeeded.
        String queued = browser.find(".flash").getText().replaceAll(".*delivery (dlv_\\w+).*", "$1");
        browser.await("the new delivery's row, succeeded", d -> {
            List<WebElement> rows = browser.all("table.deliveries tbody tr");
            return rows.size() == 2 && rows.get(0).getAttribute("innerHTML").contains(queued)
                    && rows.get(0).findElement(By.cssSelector(".badge")).getText().equals("succeeded");
        });
        assertThat(browser.all("table.deliveries tbody tr").get(0).getText()).contains("1 attempt(s)");
        assertNoReload();
        browser.screenshot("delivery-detail-desktop");

        // Redeliver from a row: one more row, without a reload either.
        browser.find("table.deliveries tbody tr:last-child .actions button").click();
        browser.await("a third row", d -> browser.all("table.deliveries tbody tr").size() == 3);
        assertThat(receiver.next(Duration.ofSeconds(20)).header("webhook-id")).isEqualTo(tested.header("webhook-id"));
        browser.await("the third delivery to succeed", d -> browser.find("table.deliveries tbody tr .badge").getText()
                .equals("succeeded"));
        assertNoReload();

        // The event catalog: the sample is highlighted JSON, and Copy puts exactly that JSON on the clipboard.
        browser.find(".sidenav a[href='/admin/events']").click();
        browser.await("the event catalog", d -> d.getCurrentUrl().endsWith("/admin/events"));
        assertThat(browser.find(".sidenav a[href='/admin/events']").getAttribute("aria-current")).isEqualTo("page");
        browser.allowClipboard(base);
        WebElement copy = browser.find("#event-order_placed button.copy");
        copy.click();
        browser.await("the copy button to confirm", d -> copy.getText().equals("Copied"));
        String clipboard = (String) browser.asyncScript(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
        assertThat(MAPPER.readTree(clipboard)).isEqualTo(MAPPER.readTree(TestHost.ORDER_SAMPLE));
        assertThat(clipboard).isEqualTo(browser.find("#sample-order_placed").getText());

        // Send as a test from the catalog, in place too.
        browser.script("window.plugboardNoReload = true");
        browser.find("#event-order_placed form button").click();
        assertThat(browser.find("#test-result").getText()).contains("Delivered");
        assertThat(receiver.next(Duration.ofSeconds(10)).bodyText()).contains("order_placed");
        assertNoReload();
        browser.screenshot("events-tested-desktop");
        // htmx ran under the admin's strict CSP without needing anything it forbids ...
        assertThat(browser.consoleProblems()).isEmpty();
        // ... and the console would have said so: an inline script is refused.
        browser.script("const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.append(s)");
        assertThat(browser.consoleProblems()).anyMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void everyActionStillWorksWithJavaScriptOff() throws Exception {
        host.createWebhook("Plain forms", receiver.url("/plain"), "order_placed");
        noScript.login(base, TestHost.ADMIN, TestHost.PASSWORD);

        // Without JavaScript each click loads a new page: the old page's flash can go stale while read.
        noScript.find("tr .toggle").click();
        noScript.await("the flash \u201cturned off\u201d", d -> noScript.find(".flash").getText().contains("turned off"));
        assertThat(noScript.find("tr .toggle").getText()).startsWith("Off");
        noScript.find("tr .toggle").click();
        noScript.await("the flash \u201cturned on\u201d", d -> noScript.find(".flash").getText().contains("turned on"));

        noScript.find("tr .actions button").click();
        noScript.await("the page with the test result", d -> d.getCurrentUrl().contains("tested="));
        assertThat(noScript.find("#test-result").getText()).contains("Delivered");
        assertThat(noScript.find("#test-result button.copy").isDisplayed()).as("copy buttons need JavaScript").isFalse();
        receiver.next(Duration.ofSeconds(10));

        noScript.find("tr .actions a[href$='/deliveries']").click();
        noScript.find("table.deliveries .actions a").click();
        noScript.await("the delivery page", d -> d.getCurrentUrl().matches(".*/admin/deliveries/dlv_.*"));
        assertThat(noScript.find(".delivery-detail").getText()).contains("Attempt 1");
        noScript.find(".delivery-detail .card-head button.primary").click();
        assertThat(noScript.find(".flash").getText()).contains("Queued again");
        receiver.next(Duration.ofSeconds(20));

        // Redeliver from a row of the log: a plain form post, then the new delivery's page with the message.
        noScript.open(base + "/admin/deliveries");
        int rows = noScript.all("table.deliveries tbody tr").size();
        noScript.find("table.deliveries tbody tr:last-child .actions button").click();
        noScript.await("the new delivery's page", d -> d.getCurrentUrl().matches(".*/admin/deliveries/dlv_.*"));
        assertThat(noScript.find(".flash").getText()).contains("Queued again");
        receiver.next(Duration.ofSeconds(20));
        noScript.open(base + "/admin/deliveries");
        assertThat(noScript.all("table.deliveries tbody tr")).hasSize(rows + 1);
    }

    @Test
    void aPluginFromUploadToItsEventsInTheCatalog() {
        Path jar = RefundsPlugin.jar().writeTo(TestHost.tempDir("upload"));
        browser.login(base, TestHost.ADMIN, TestHost.PASSWORD);
        browser.find(".sidenav a[href='/admin/plugins']").click();
        browser.await("the plugins page", d -> d.getCurrentUrl().endsWith("/admin/plugins"));
        assertThat(browser.find(".empty").getText()).contains("No plugins installed");
        browser.find(".sidenav a[href='/admin/events']").click();
        browser.await("the event catalog", d -> d.getCurrentUrl().endsWith("/admin/events"));
        assertThat(browser.all("#event-" + RefundsPlugin.EVENT)).isEmpty();

        // Upload through the form's file input: the plugin is installed and started.
        browser.find(".sidenav a[href='/admin/plugins']").click();
        browser.find("#jar").sendKeys(jar.toAbsolutePath().toString());
        browser.find("form[action='/admin/plugins/upload'] button[type=submit]").click();
        browser.await("the upload's message", d -> browser.find(".flash").getText()
                .contains("Plugin \u201crefunds\u201d 1.0.0 installed; it is active."));
        assertThat(pluginRow().findElement(By.cssSelector(".badge[class*='state-']")).getText()).isEqualTo("active");
        assertThat(pluginRow().getText()).contains(RefundsPlugin.EVENT).contains("Refunds from the shop")
                .doesNotContain("needs Plugboard"); // no Plugin-Requires: no requirement to show
        assertThat(browser.find(".sidenav a[href='/admin/plugins/refunds/notes']").getText()).isEqualTo("Refunds");

        // Deactivate, then activate it again from its row.
        pluginRow().findElement(By.xpath(".//button[text()='Deactivate']")).click();
        browser.await("the message \u201cdeactivated\u201d", d -> browser.find(".flash").getText().contains("deactivated"));
        assertThat(pluginRow().findElement(By.cssSelector(".badge[class*='state-']")).getText()).isEqualTo("inactive");
        assertThat(browser.all(".sidenav a[href='/admin/plugins/refunds/notes']")).isEmpty();
        browser.find(".sidenav a[href='/admin/events']").click();
        browser.await("the event catalog", d -> d.getCurrentUrl().endsWith("/admin/events"));
        assertThat(browser.all("#event-" + RefundsPlugin.EVENT)).isEmpty();

        browser.find(".sidenav a[href='/admin/plugins']").click();
        pluginRow().findElement(By.xpath(".//button[text()='Activate']")).click();
        browser.await("the message \u201cactivated\u201d", d -> browser.find(".flash").getText().contains("activated."));
        assertThat(pluginRow().findElement(By.cssSelector(".badge[class*='state-']")).getText()).isEqualTo("active");
        browser.screenshot("plugins-uploaded-desktop");

        // Its event type is in the catalog, under its group, with its sample.
        browser.find(".sidenav a[href='/admin/events']").click();
        WebElement event = browser.find("#event-" + RefundsPlugin.EVENT);
        assertThat(event.getText()).contains("Refund issued").contains("A refund was paid back");
        assertThat(browser.find("#sample-" + RefundsPlugin.EVENT).getText()).contains("\"refund_id\": \"re_1\"");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    /** The row of the uploaded plugin on the plugins page. */
    private WebElement pluginRow() {
        return browser.find("table.plugins tbody tr[data-plugin='" + RefundsPlugin.ID + "']");
    }

    private void assertNoReload() {
        assertThat(browser.script("return window.plugboardNoReload === true")).as("the page was not reloaded")
                .isEqualTo(true);
    }

    static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
