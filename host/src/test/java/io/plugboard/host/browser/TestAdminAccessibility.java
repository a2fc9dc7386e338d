package io.plugboard.host.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Every admin page ({@link DemoSite#pages()}, plugin pages included), at desktop and at phone width
 * (390 px), and the states actions lead to (a validation error, a result or panel shown in place, a
 * URL or token shown once): no serious or critical axe-core violation, nothing wider than the screen,
 * every control reachable by keyboard with a visible focus. Saves a screenshot of each to
 * {@code target/screenshots}.
 */
class TestAdminAccessibility {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    private static TestHost host;
    private static Receiver receiver;
    private static String base;
    private static Map<String, String> pages;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start(DemoSite.pluginsFolder());
        receiver = new Receiver().respond(200, "{\"ok\":true}");
        base = host.host().baseUrl();
        pages = DemoSite.fill(host, receiver).pages();
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
    void everyMainPagePassesAxeAtDesktopAndPhoneWidth() {
        List<String> problems = new ArrayList<>();
        browser.open(base + "/admin/login");
        check("login", Browser.DESKTOP, problems);
        browser.login(base, TestHost.ADMIN, TestHost.PASSWORD);
        // One load per page, checked at both widths: the layout follows the window (nothing in the admin's
        // script reads the width), and a page load costs more than a resize.
        pages.forEach((name, path) -> {
            browser.open(base + path);
            for (Dimension size : List.of(Browser.DESKTOP, Browser.MOBILE)) {
                browser.size(size);
                check(name, size, problems);
            }
            browser.size(Browser.DESKTOP);
        });
        assertThat(problems).as("accessibility and layout problems").isEmpty();

        // The check itself can fail: an image without a text alternative is a critical violation.
        browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/nothing.png\">')");
        assertThat(Axe.seriousViolations(browser)).extracting(Axe.Violation::rule).contains("image-alt");
    }

    private static void check(String name, Dimension size, List<String> problems) {
        String width = size.equals(Browser.MOBILE) ? "mobile" : "desktop";
        browser.await("the heading of " + name, d -> !browser.all("main h1").isEmpty());
        Axe.seriousViolations(browser).forEach(v -> problems.add(name + " (" + width + "): " + v));
        long scrollWidth = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
        long clientWidth = ((Number) browser.script("return document.documentElement.clientWidth")).longValue();
        if (scrollWidth > clientWidth) {
            problems.add(name + " (" + width + "): the page is " + scrollWidth + " px wide on a " + clientWidth
                    + " px screen");
        }
        browser.screenshot(name + "-" + width);
    }

    @Test
    void whatActionsShowPassesAxeToo() {
        List<String> problems = new ArrayList<>();
        browser.login(base, TestHost.ADMIN, TestHost.PASSWORD);

        browser.open(base + "/admin/webhooks");
        browser.find("tr .actions button").click();
        browser.find("#test-result");
        check("webhooks-tested", Browser.DESKTOP, problems);

        browser.open(base + pages.get("webhook-deliveries"));
        browser.find("table.deliveries .actions a").click();
        browser.find("#delivery-panel .delivery-detail");
        check("delivery-panel", Browser.DESKTOP, problems);

        browser.open(base + pages.get("webhook-new"));
        browser.find("#name").sendKeys("Bad");
        browser.find("#url").sendKeys("not a url");
        browser.find("#client_tls_certificate").sendKeys("not a certificate");
        browser.find("#oauth_client_id").sendKeys("plugboard");
        browser.find("form.form button.primary").click();
        browser.find("#url-error");
        browser.find("#client_tls_key-error");
        browser.find("#oauth_token_url-error");
        check("webhook-form-error", Browser.DESKTOP, problems);

        browser.open(base + pages.get("application-new"));
        browser.find("#uid").sendKeys("not a uid");
        browser.find("#theme_primary_color").sendKeys("blue");
        browser.find("form.form button.primary").click();
        browser.find("#uid-error");
        browser.find("#theme_primary_color-error");
        check("application-form-error", Browser.DESKTOP, problems);

        browser.open(base + pages.get("inbound-new-generic-json"));
        browser.find("#name").sendKeys("Shop orders");
        browser.find("form[action='/admin/inbound'] button.primary").click();
        browser.find("#inbound-url");
        check("inbound-created", Browser.DESKTOP, problems);

        browser.open(base + "/admin/tokens");
        browser.find("#name").sendKeys("CI deploy script");
        browser.find("form[action='/admin/tokens'] button.primary").click();
        browser.find("#new-token");
        check("token-created", Browser.DESKTOP, problems);

        browser.open(base + pages.get("plugin-uninstall"));
        browser.find("#confirm_id").sendKeys("not-the-id");
        browser.find("form.form button.danger").click();
        browser.find("#confirm_id[aria-invalid=true]");
        check("plugin-uninstall-error", Browser.DESKTOP, problems);

        browser.open(base + pages.get("plugin-page"));
        browser.find("main form button.primary").click();
        browser.find("#note[aria-invalid=true]");
        check("plugin-page-invalid", Browser.DESKTOP, problems);
        browser.find("#note").sendKeys("Refund re_1 was a mistake");
        browser.find("main form button.primary").click();
        browser.await("the note", d -> browser.find("main li.note").getText().contains("re_1"));
        check("plugin-page-posted", Browser.DESKTOP, problems);

        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    @Test
    void theWebhooksTableFitsALaptopScreenWithLongNamesAndUrls() {
        browser.login(base, TestHost.ADMIN, TestHost.PASSWORD);
        browser.size(new Dimension(1280, 800));
        try {
            browser.open(base + "/admin/webhooks");
            assertThat(browser.find("table.webhooks").getText()).contains("Send test event");
            // The box around the table would scroll sideways if the table did not fit: it must not need to.
            String widths = (String) browser.script("""
                    const wrap = document.querySelector('.table-wrap');
                    const root = document.documentElement;
                    return wrap.scrollWidth + '/' + wrap.clientWidth + ' ' + root.scrollWidth + '/' + root.clientWidth;
                    """);
            String[] parts = widths.split("[ /]");
            assertThat(Long.parseLong(parts[0])).as("table scrollWidth/clientWidth, page scrollWidth/clientWidth: " + widths)
                    .isLessThanOrEqualTo(Long.parseLong(parts[1]));
            assertThat(Long.parseLong(parts[2])).as(widths).isLessThanOrEqualTo(Long.parseLong(parts[3]));
            // Every action of a row is on screen, inside the table's box.
            Number overhang = (Number) browser.script("""
                    const box = document.querySelector('.table-wrap').getBoundingClientRect();
                    return Math.max(...[...document.querySelectorAll('table.webhooks .actions > *')]
                        .map(e => e.getBoundingClientRect().right - box.right));
                    """);
            assertThat(overhang.doubleValue()).isLessThanOrEqualTo(0);
            browser.screenshot("webhooks-laptop");
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }

    @Test
    void theKeyboardReachesEveryControlWithAVisibleFocus() {
        browser.login(base, TestHost.ADMIN, TestHost.PASSWORD);
        browser.open(base + "/admin/webhooks");
        int controls = ((Number) browser.script(
                "return document.querySelectorAll('a[href], button:not([hidden]), input:not([type=hidden]), select').length"))
                .intValue();
        List<String> reached = new ArrayList<>();
        browser.find("body").sendKeys(Keys.TAB);
        for (int i = 0; i < controls + 5 && reached.size() < controls; i++) {
            String focused = (String) browser.script("""
                    const e = document.activeElement;
                    if (e === document.body) return 'BODY';
                    const s = getComputedStyle(e);
                    if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) return 'NO FOCUS RING: ' + e.outerHTML.slice(0, 80);
                    return e.outerHTML.slice(0, 80);
                    """);
            assertThat(focused).doesNotStartWith("NO FOCUS RING");
            if (!focused.equals("BODY") && !reached.contains(focused)) {
                reached.add(focused);
            }
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(reached.get(0)).contains("skip-link");
        assertThat(reached).anyMatch(e -> e.contains("toggle")).anyMatch(e -> e.contains("Sends the sample"))
                .anyMatch(e -> e.contains("Log out")).anyMatch(e -> e.contains("/admin/settings"));

        // The toggle works from the keyboard too.
        WebElement toggle = browser.find("tr .toggle");
        String before = toggle.getText();
        toggle.sendKeys(Keys.ENTER);
        browser.await("the toggle to change", d -> !browser.find("tr .toggle").getText().equals(before));
        browser.find("tr .toggle").sendKeys(Keys.SPACE);
        browser.await("the toggle to change back", d -> browser.find("tr .toggle").getText().equals(before));
    }
}
