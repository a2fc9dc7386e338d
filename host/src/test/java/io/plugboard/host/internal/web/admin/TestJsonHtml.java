package io.plugboard.host.internal.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The highlighted JSON of the admin: pretty, escaped token by token, and exactly the JSON as text. */
class TestJsonHtml {

    private final JsonHtml json = new JsonHtml(new ObjectMapper());

    @Test
    void prettyPrintsWithOneSpanPerToken() {
        assertThat(json.render("{\"a\":[1,true,null,\"x\"],\"b\":{},\"c\":[]}")).isEqualTo("""
                {
                  <span class="j-key">&quot;a&quot;</span>: [
                    <span class="j-num">1</span>,
                    <span class="j-bool">true</span>,
                    <span class="j-null">null</span>,
                    <span class="j-str">&quot;x&quot;</span>
                  ],
                  <span class="j-key">&quot;b&quot;</span>: {},
                  <span class="j-key">&quot;c&quot;</span>: []
                }""");
    }

    @Test
    void escapesMarkupInKeysAndValues() {
        String html = json.render("{\"<b>\":\"</pre><script>alert(1)</script>\"}");
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("</pre>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void keepsNumbersAndEscapesAsWritten() {
        assertThat(json.render("{\"t\":12.50,\"big\":12345678901234567890,\"q\":\"a\\\"b\\n\"}"))
                .contains(">12.50<").contains(">12345678901234567890<").contains("&quot;a\\&quot;b\\n&quot;");
    }

    @Test
    void textThatIsNotJsonIsShownEscapedAndWhole() {
        assertThat(json.render("1 2")).isEqualTo("1 2");
        assertThat(json.render("OK <done>")).isEqualTo("OK &lt;done&gt;");
        assertThat(json.render("{\"unclosed\": ")).isEqualTo("{&quot;unclosed&quot;: ");
        assertThat(json.render("")).isEmpty();
        assertThat(json.render(null)).isEmpty();
    }
}
