package io.plugboard.host.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.plugins.PluginRepositoryFolder;
import io.plugboard.host.testing.TestHost;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * *Add plugin* and *Update now* in a real browser, through plain forms (GET search, POST with CSRF): search, install,
 * the update offer with its release notes rendered from Markdown (raw HTML in them escaped), the
 * update; and a repository that is down named on the page. Each state passes axe at desktop and phone width.
 */
class TestPluginRepositoryInBrowser {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    private final PluginRepositoryFolder repo = new PluginRepositoryFolder();
    private TestHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        repo.close();
    }

    @Test
    void searchInstallAndUpdateFromARepository() throws Exception {
        repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.add(PluginRepositoryFolder.invoice("1.0.1"), "invoice", "1.0.1",
                "Fixes **rounding** of VAT.\n\n<script>window.pwned = true</script>");
        repo.buildSigned();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closedPort + "/repo/";
        host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.pluginRepository(repo.url()).pluginRepository(down).trustedPluginKeys(repo.trustedKeys));
        String base = host.host().baseUrl();
        browser.login(base, TestHost.ADMIN, TestHost.PASSWORD);
        List<String> problems = new ArrayList<>();

        browser.open(base + "/admin/plugins");
        browser.find(".page-head a.button").click();
        assertThat(browser.find(".error-summary").getText()).contains("127.0.0.1:" + closedPort);
        check("plugin-new", problems);

        browser.find("#q").sendKeys("no such thing");
        browser.find("form.search button").click();
        assertThat(browser.find(".empty").getText()).contains("No plugin matches");
        browser.find("#q").clear();
        browser.find("#q").sendKeys("invoice");
        browser.find("form.search button").click();
        assertThat(browser.find("tr[data-plugin=invoice]").getText()).contains("1.0.1");

        // Install the older version through the form's own fields, as a client could, to be offered the update.
        browser.script("document.querySelector('tr[data-plugin=invoice] input[name=version]').value = '1.0.0'");
        browser.find("tr[data-plugin=invoice] button.primary").click();
        browser.await("the plugins page", d -> d.getCurrentUrl().endsWith("/admin/plugins"));
        assertThat(browser.find("tr[data-plugin=invoice]").getText()).contains("1.0.0")
                .contains("signed by " + PluginRepositoryFolder.PUBLISHER);
        browser.find("tr[data-plugin=invoice] .release-notes summary").click();
        String notes = browser.find("tr[data-plugin=invoice] .release-notes").getAttribute("innerHTML");
        assertThat(notes).contains("<strong>rounding</strong>").contains("&lt;script&gt;").doesNotContain("<script>");
        check("plugins-update-offered", problems);

        browser.find("tr[data-plugin=invoice] .update-offer button").click();
        browser.await("the update", d -> d.findElement(By.cssSelector("tr[data-plugin=invoice]")).getText()
                .contains("1.0.1") && d.findElements(By.cssSelector("tr[data-plugin=invoice] .update-offer")).isEmpty());
        browser.find("tr[data-plugin=invoice] details.history summary").click();
        assertThat(browser.find("tr[data-plugin=invoice] details.history").getText()).contains("update").contains("install");
        check("plugins-updated", problems);
        assertThat(problems).as("accessibility and layout problems").isEmpty();
    }

    private void check(String name, List<String> problems) {
        for (Dimension size : List.of(Browser.DESKTOP, Browser.MOBILE)) {
            browser.size(size);
            String width = size.equals(Browser.MOBILE) ? "mobile" : "desktop";
            Axe.seriousViolations(browser).forEach(v -> problems.add(name + " (" + width + "): " + v));
            browser.screenshot(name + "-" + width);
        }
        browser.size(Browser.DESKTOP);
    }
}
