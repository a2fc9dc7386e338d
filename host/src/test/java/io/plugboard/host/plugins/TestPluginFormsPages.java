package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PageField;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plugin's admin form through a real host: the page sees its caller and headers; an invalid submit shows
 * the page again (400) with the entered values, each error tied to its field and an error summary; a valid
 * one redirects (303) with a flash message shown once on the next page; repeated fields arrive as a list.
 */
class TestPluginFormsPages {

    static PluginJar shelf() {
        return PluginJar.plugin("shelf").manifest("Plugin-Class", "test.shelf.Main")
                .resource("shelf/stock.hbs", """
                        <p>Viewer: {{viewer}} ({{kind}}, {{role}}); agent {{agent}}</p>
                        <form method="post" action="{{base}}/admin/plugins/shelf/stock" novalidate>
                          <input type="hidden" name="_csrf" value="{{csrf}}">
                          <div class="field{{#if form.errors.sku}} invalid{{/if}}">
                            <label for="sku">SKU</label>
                            <input id="sku" name="sku" value="{{form.values.sku}}"{{#if form.errors.sku}} aria-invalid="true" aria-describedby="sku-error"{{/if}}>
                            {{#if form.errors.sku}}<p class="error" id="sku-error">{{form.errors.sku}}</p>{{/if}}
                          </div>
                          <div class="field{{#if form.errors.quantity}} invalid{{/if}}">
                            <label for="quantity">Quantity</label>
                            <input id="quantity" name="quantity" value="{{form.values.quantity}}"{{#if form.errors.quantity}} aria-invalid="true" aria-describedby="quantity-error"{{/if}}>
                            {{#if form.errors.quantity}}<p class="error" id="quantity-error">{{form.errors.quantity}}</p>{{/if}}
                          </div>
                          <p>Tags entered: {{#each form.all.tags}}[{{this}}]{{/each}}</p>
                          <button>Add</button>
                        </form>
                        """)
                .source("test.shelf.Main", """
                        package test.shelf;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.web.*;
                        import java.util.*;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                context().adminPages().add(AdminPage.builder("stock", "shelf/stock.hbs").title("Stock")
                                        .model(r -> Map.of("viewer", r.caller().name(), "kind", r.caller().kind().key(),
                                                "role", r.caller().role(), "agent", String.valueOf(r.header("user-AGENT"))))
                                        .onForm(r -> {
                                            Map<String, String> errors = new LinkedHashMap<>();
                                            String sku = r.param("sku");
                                            if (sku == null || sku.isBlank()) {
                                                errors.put("sku", "Enter the SKU.");
                                            }
                                            if (r.param("quantity") == null || !r.param("quantity").matches("[1-9][0-9]{0,5}")) {
                                                errors.put("quantity", "Enter a whole number above 0.");
                                            }
                                            if (!errors.isEmpty()) {
                                                return FormResult.invalid(errors);
                                            }
                                            String message = "Added " + r.param("quantity") + " of " + sku + ", tagged "
                                                    + String.join(" and ", r.params("tags")) + ".";
                                            return "list".equals(r.param("then"))
                                                    ? FormResult.redirect("/admin/plugins/shelf/list", message)
                                                    : FormResult.done(message);
                                        })
                                        .build());
                                context().adminPages().add(AdminPage.builder("list", "shelf/stock.hbs").title("Stock list")
                                        .model(r -> Map.of("viewer", r.user())).build());
                            }
                        }
                        """);
    }

    @Test
    void aPageSeesItsCallerAndHeaders() {
        Path plugins = TestHost.tempDir("plugins");
        shelf().writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            Http.Response page = Http.exchange(host.host().baseUrl(), "GET", "/admin/plugins/shelf/stock",
                    Map.of("Cookie", host.http().sessionCookieHeader(), "User-Agent", "shelf-test/1"), null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Viewer: admin (session, admin); agent shelf-test/1");
        }
    }

    @Test
    void anInvalidSubmitShowsThePageAgainWithTheInputAndEachErrorTiedToItsField() {
        Path plugins = TestHost.tempDir("plugins");
        shelf().writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            Http.Response invalid = host.http().postForm("/admin/plugins/shelf/stock", List.of(
                    Map.entry("sku", "A<1>"), Map.entry("quantity", "lots"), Map.entry("tags", "red"), Map.entry("tags", "blue")));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body()).doesNotContain("name=\"_csrf\" value=\"\"");
            HtmlPage form = HtmlPage.of(invalid);
            HtmlPage summary = form.within("[role=alert]");
            assertThat(summary.link("Enter a whole number above 0.")).isEqualTo("#quantity");
            assertThat(form.all("a[href=\"#sku\"]")).as("the valid field is not listed").isEmpty();
            PageField sku = form.field("SKU");
            assertThat(sku.value()).isEqualTo("A<1>");
            assertThat(sku.invalid()).isFalse();
            PageField quantity = form.field("Quantity");
            assertThat(quantity.value()).isEqualTo("lots");
            assertThat(quantity.invalid()).isTrue();
            assertThat(quantity.description()).isEqualTo("Enter a whole number above 0.");
            assertThat(form.text()).contains("Tags entered: [red][blue]");
            assertThat(invalid.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("plugboard_flash="));
        }
    }

    @Test
    void aValidSubmitRedirectsWithAFlashShownOnceOnTheNextPage() {
        Path plugins = TestHost.tempDir("plugins");
        shelf().writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            Http.Response done = host.http().postForm("/admin/plugins/shelf/stock", List.of(
                    Map.entry("sku", "ABC-1"), Map.entry("quantity", "3"), Map.entry("tags", "red"), Map.entry("tags", "blue")));
            assertThat(done.status()).isEqualTo(303);
            assertThat(done.header("Location")).isEqualTo("/admin/plugins/shelf/stock");
            String flash = Http.cookie(done, "plugboard_flash");
            Http.Response next = Http.exchange(host.host().baseUrl(), "GET", "/admin/plugins/shelf/stock",
                    Map.of("Cookie", host.http().sessionCookieHeader() + "; plugboard_flash=" + flash), null);
            assertThat(HtmlPage.of(next).statuses()).containsExactly("Added 3 of ABC-1, tagged red and blue.");
            assertThat(next.headers().allValues("Set-Cookie")).as("read once").anyMatch(c -> c.startsWith("plugboard_flash=;")
                    || c.startsWith("plugboard_flash=\"\"") || c.contains("Max-Age=0"));

            Http.Response elsewhere = host.http().postForm("/admin/plugins/shelf/stock", List.of(
                    Map.entry("sku", "ABC-2"), Map.entry("quantity", "1"), Map.entry("then", "list")));
            assertThat(elsewhere.status()).isEqualTo(303);
            assertThat(elsewhere.header("Location")).isEqualTo("/admin/plugins/shelf/list");
            assertThat(Http.cookie(elsewhere, "plugboard_flash")).contains("ABC-2");
        }
    }
}
