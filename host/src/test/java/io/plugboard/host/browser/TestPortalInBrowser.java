package io.plugboard.host.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/**
 * The customer portal in a real Chromium: a customer opens a portal link, adds an endpoint with the plain form,
 * sees it listed, and reads the event catalog and the signature guide, at desktop and phone width, light and dark.
 * No serious or critical axe-core violation, nothing wider than the screen; screenshots in
 * {@code target/screenshots} ({@code portal-…}).
 */
class TestPortalInBrowser {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    private static TestHost host;
    private static Receiver receiver;
    private static String base;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        receiver = new Receiver().respond(200, "{\"ok\":true}");
        base = host.host().baseUrl();
        app("{\"uid\":\"acme\",\"name\":\"Acme Inc.\",\"theme\":{\"site_name\":\"Shopwise\",\"primary_color\":\"#0f766e\"}}");
        app("{\"uid\":\"night\",\"name\":\"Night Owl\",\"theme\":{\"color_scheme\":\"dark\"}}");
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aCustomerAddsAnEndpointAndEveryPagePassesAxe() {
        List<String> problems = new ArrayList<>();
        browser.size(Browser.DESKTOP);
        browser.open(link("acme"));
        browser.await("the endpoints page", d -> d.getCurrentUrl().endsWith("/portal"));
        check("portal-endpoints-empty", Browser.DESKTOP, problems);

        browser.find("a.button.primary").click();
        browser.find("#name").sendKeys("Orders to ERP");
        browser.find("#url").sendKeys(receiver.url("/erp"));
        browser.find("input[name=events][value=order_placed]").click();
        check("portal-endpoint-new", Browser.DESKTOP, problems);
        browser.find("form.form button.primary").click();
        browser.await("the endpoint's page", d -> browser.find("main h1").getText().equals("Orders to ERP"));
        assertThat(browser.find(".flash").getText()).contains("added");
        check("portal-endpoint", Browser.DESKTOP, problems);

        browser.find("a[href$='/console']").click();
        browser.await("the test console", d -> browser.find("main h1").getText().equals("Test console"));
        check("portal-console", Browser.DESKTOP, problems);
        browser.find("form.form button.primary").click();
        browser.await("the console's result", d -> !browser.all("#console-result").isEmpty());
        assertThat(browser.find("#console-result").getText()).contains("Delivered.");
        check("portal-console-result", Browser.DESKTOP, problems);
        browser.size(Browser.MOBILE);
        check("portal-console-result", Browser.MOBILE, problems);
        browser.size(Browser.DESKTOP);

        // One load per page, checked at both widths (the layout follows the window).
        for (String page : List.of("/portal", "/portal/endpoints/new", "/portal/event-types", "/portal/verify")) {
            browser.open(base + page);
            for (Dimension size : List.of(Browser.DESKTOP, Browser.MOBILE)) {
                browser.size(size);
                check("portal" + page.replace("/portal", "").replace('/', '-'), size, problems);
            }
            browser.size(Browser.DESKTOP);
        }
        assertThat(browser.all("table tbody tr")).isEmpty(); // on /portal/verify: no table
        browser.open(base + "/portal");
        assertThat(browser.find("table tbody tr").getText()).contains("Orders to ERP").contains("order_placed");

        browser.open(link("night"));
        browser.await("the dark portal", d -> d.getCurrentUrl().endsWith("/portal"));
        check("portal-dark", Browser.DESKTOP, problems);
        browser.size(Browser.MOBILE);
        browser.open(base + "/portal/event-types");
        check("portal-dark-event-types", Browser.MOBILE, problems);
        browser.size(Browser.DESKTOP);
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    private static void check(String name, Dimension size, List<String> problems) {
        String width = size.equals(Browser.MOBILE) ? "mobile" : "desktop";
        browser.await("the heading of " + name, d -> !browser.all("main h1").isEmpty());
        Axe.seriousViolations(browser).forEach(v -> problems.add(name + " (" + width + "): " + v));
        long scrollWidth = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
        long clientWidth = ((Number) browser.script("return document.documentElement.clientWidth")).longValue();
        if (scrollWidth > clientWidth) {
            problems.add(name + " (" + width + "): the page is " + scrollWidth + " px wide on a " + clientWidth + " px screen");
        }
        browser.screenshot(name + "-" + width);
    }

    private static String link(String app) {
        Http.Response r = host.http().postJson("/api/v1/apps/" + app + "/portal-links", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("url").asText();
    }

    private static void app(String json) {
        Http.Response r = host.http().postJson("/api/v1/apps", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
