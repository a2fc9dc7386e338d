package io.plugboard.host.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The webhook form's rate limit in headless Chromium: 5 per second saved is shown on the webhook's page and
 * stored; -1 and text are refused at the field (accessibly) and change nothing, on the edit and the new form.
 */
class TestRateLimitInBrowser {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    private TestHost host;
    private Receiver receiver;
    private String base;

    @BeforeEach
    void start() {
        host = TestHost.start();
        receiver = new Receiver();
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
    void aRateLimitIsSavedAndShownAndABadOneIsRefusedAtTheField() {
        String id = host.createWebhook("Throttled", receiver.url("/slow"), "ping").get("id").asText();
        browser.login(base, TestHost.ADMIN, TestHost.PASSWORD);

        browser.open(base + "/admin/webhooks/" + id + "/edit");
        type("#rate_limit", "5");
        submit();
        browser.await("saved: back at the list", d -> d.getCurrentUrl().endsWith("/admin/webhooks"));
        assertThat(browser.find(".flash").getText()).contains("Throttled");
        assertThat(storedRateLimit(id)).isEqualTo(5.0);

        browser.open(base + "/admin/webhooks/" + id + "/edit");
        assertThat(browser.find("#rate_limit").getAttribute("value")).isEqualTo("5");
        assertThat(browser.find("#rate-status").getText()).contains("at most 5 per second").doesNotContain("default");

        for (String bad : new String[] {"-1", "fast"}) {
            type("#rate_limit", bad);
            submit();
            WebElement error = browser.find("#rate_limit-error");
            assertThat(error.getText()).as(bad).contains("rate_limit must be a number of requests per second");
            assertThat(browser.find("#rate_limit").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#rate_limit").getAttribute("aria-describedby")).contains("rate_limit-error");
            assertThat(browser.find("#rate_limit").getAttribute("value")).as("what was typed is kept").isEqualTo(bad);
            assertThat(storedRateLimit(id)).as("nothing stored for %s", bad).isEqualTo(5.0);
        }
        assertThat(Axe.seriousViolations(browser)).as("the form with its error").isEmpty();

        // On the new-webhook form too: refused, and no webhook added.
        browser.open(base + "/admin/webhooks/new");
        browser.find("#name").sendKeys("Never stored");
        browser.find("#url").sendKeys(receiver.url("/never"));
        browser.find("input[name=events][value=ping]").click();
        type("#rate_limit", "-1");
        submit();
        assertThat(browser.find("#rate_limit-error").getText()).contains("rate_limit must be a number of requests per second");
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isEqualTo(1);
    }

    /** Sends the form and waits for the page it answers with (the old form goes stale). */
    private void submit() {
        WebElement form = browser.find("form.form");
        browser.find("form.form button.primary").click();
        browser.await("the answer to the form", ExpectedConditions.stalenessOf(form));
    }

    private void type(String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }

    private double storedRateLimit(String id) {
        JsonNode w = host.http().get("/api/v1/webhooks/" + id).json();
        assertThat(w.get("rate_limit").isNumber()).as(w.toString()).isTrue();
        return w.get("rate_limit").asDouble();
    }
}
