package io.plugboard.host.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Element;

/**
 * A form control as a user meets it, found by its label with {@link HtmlPage#field(String)}.
 *
 * @param value the typed value, a text area's text, or a select's chosen option's value
 * @param options a select's options; empty for other controls
 * @param description the texts the control points to with {@code aria-describedby} (hints, errors)
 */
public record PageField(String tag, String type, String name, String value, boolean required, boolean disabled,
        boolean checked, boolean invalid, List<Option> options, String description) {

    /** @return the options as the user reads them */
    public List<String> optionTexts() {
        return options.stream().map(Option::text).toList();
    }

    /** @return the value sent when the user picks the option reading {@code text} */
    public String optionValue(String text) {
        return options.stream().filter(o -> o.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no option \"" + text + "\" in " + optionTexts())).value();
    }

    static PageField of(Element c, HtmlPage page) {
        // What the user sees in it: a select shows its first option when none is marked selected.
        String value = switch (c.tagName()) {
            case "textarea" -> c.wholeText();
            case "select" -> {
                Element chosen = c.selectFirst("option[selected]");
                chosen = chosen != null ? chosen : c.selectFirst("option");
                yield chosen == null ? "" : chosen.attr("value");
            }
            default -> c.attr("value");
        };
        String type = c.is("input") ? (c.hasAttr("type") ? c.attr("type") : "text") : c.tagName();
        String description = String.join(" ", Arrays.stream(c.attr("aria-describedby").split("\\s+"))
                .filter(id -> !id.isEmpty()).map(page::byId).filter(Objects::nonNull).map(Element::text).toList());
        return new PageField(c.tagName(), type, c.attr("name"), value, c.hasAttr("required"), c.hasAttr("disabled"),
                c.hasAttr("checked"), c.attr("aria-invalid").equals("true"), c.select("option").stream()
                .map(o -> new Option(o.text(), o.attr("value"), o.hasAttr("selected"))).toList(), description);
    }

    /** One option of a select. */
    public record Option(String text, String value, boolean selected) {
    }
}
