package io.plugboard.host.testing;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * An admin page (or an htmx fragment) read as a user reads it: its text, headings, links, form fields by their
 * label, table cells and messages. Page tests assert these instead of the template's markup, so a changed class
 * or attribute order breaks no test while a changed word still does. Structure that matters in itself (an ARIA
 * attribute, a meta tag, a script's source) is queried with {@link #element(String)}.
 *
 * <p>Everything is read from the parsed page: an escaped {@code &lt;script&gt;} reads as the text
 * {@code <script>}, and a real one is an element — escaping tests check both ({@link #all(String)}).
 */
public final class HtmlPage {

    private final Element root;

    private HtmlPage(Element root) {
        this.root = root;
    }

    public static HtmlPage of(String html) {
        return new HtmlPage(Jsoup.parse(html));
    }

    public static HtmlPage of(Http.Response response) {
        return of(response.body());
    }

    /** @return the part of the page in the first element matching {@code css}, read the same way */
    public HtmlPage within(String css) {
        return new HtmlPage(element(css));
    }

    /** @return the document's title (what the browser tab shows) */
    public String title() {
        return root.ownerDocument() == null ? "" : root.ownerDocument().title();
    }

    /** @return all visible text, whitespace collapsed (the body's: the title is {@link #title()}) */
    public String text() {
        return (root instanceof Document d ? d.body() : root).text();
    }

    /** @return the text of the first heading of that level */
    public String heading(int level) {
        return element("h" + level).text();
    }

    public List<String> headings(int level) {
        return texts("h" + level);
    }

    /** @return where the first link named {@code name} leads (its text, or its aria-label when it has one) */
    public String link(String name) {
        Elements links = root.select("a[href]");
        return first(links.stream().filter(a -> nameOf(a).equals(name)).toList(),
                "a link named \"" + name + "\"", links.stream().map(HtmlPage::nameOf).toList()).attr("href");
    }

    /** @return the name (text or aria-label) of the first link to {@code href} */
    public String linkTo(String href) {
        Elements links = root.select("a[href]");
        return nameOf(first(links.stream().filter(a -> a.attr("href").equals(href)).toList(),
                "a link to " + href, links.eachAttr("href")));
    }

    /** @return the form control that label (its whole text, or its own words without hints) names */
    public PageField field(String label) {
        List<Element> controls = new ArrayList<>();
        for (Element l : root.select("label")) {
            if (l.text().equals(label) || l.ownText().trim().equals(label)) {
                Element control = l.hasAttr("for") ? byId(l.attr("for")) : l.selectFirst("input, select, textarea");
                if (control != null) {
                    controls.add(control);
                }
            }
        }
        controls.addAll(root.select("input, select, textarea").stream()
                .filter(c -> c.attr("aria-label").equals(label)).toList());
        return PageField.of(first(controls, "a field labelled \"" + label + "\"", texts("label")), this);
    }

    /** @return the texts of the labels, in page order: which fields the page offers (one is read with {@link #field}) */
    public List<String> labels() {
        return texts("label");
    }

    /** @return the names of the buttons (and submit inputs), in page order */
    public List<String> buttons() {
        return root.select("button, input[type=submit]").stream()
                .map(b -> b.is("button") ? nameOf(b) : b.attr("value")).toList();
    }

    /** @return the cells of the {@code index}th table (from 0), row by row, header row included */
    public List<List<String>> cells(int index) {
        Elements tables = root.select("table");
        if (index >= tables.size()) {
            throw new AssertionError("no table " + index + ": the page has " + tables.size());
        }
        return cells(tables.get(index));
    }

    /** @return the cells of the table with that caption, row by row, header row included */
    public List<List<String>> cells(String caption) {
        return cells(table(caption));
    }

    /** @return the rows with data cells (not the header row) of the table with that caption, each read on its own */
    public List<HtmlPage> rows(String caption) {
        return table(caption).select("tr:has(td)").stream().map(HtmlPage::new).toList();
    }

    /**
     * @return the one row of the table with that caption that a user finds by {@code name}: one of its cells reads
     *     {@code name}, or has a link named so (a name cell may add a line such as "added 2 minutes ago"); read on
     *     its own, with {@link #cell(String)} for its columns
     */
    public HtmlPage row(String caption, String name) {
        List<HtmlPage> rows = rows(caption);
        List<HtmlPage> named = rows.stream().filter(r -> cellsOf(r.root).stream().anyMatch(c ->
                c.text().equals(name) || c.select("a[href]").stream().anyMatch(a -> nameOf(a).equals(name)))).toList();
        if (named.size() != 1) {
            throw new AssertionError(named.size() + " rows named \"" + name + "\" in the table \"" + caption + "\"; rows: "
                    + rows.stream().map(HtmlPage::text).toList());
        }
        return named.get(0);
    }

    /**
     * @return on a {@link #row(String, String)}, the text of its cell in the column headed {@code column} (by position
     *     under the table's first row: the admin's tables span no columns)
     */
    public String cell(String column) {
        Element table = root.is("tr") ? root.closest("table") : null;
        if (table == null) {
            throw new AssertionError("cell(\"" + column + "\") reads a table row, not " + root.tagName());
        }
        List<String> headers = textsOf(cellsOf(table.selectFirst("tr")));
        int index = headers.indexOf(column);
        Elements cells = cellsOf(root);
        if (index < 0 || index >= cells.size()) {
            throw new AssertionError("no column \"" + column + "\" in this row; columns: " + headers);
        }
        return cells.get(index).text();
    }

    private static Elements cellsOf(Element tr) {
        return new Elements(tr.children().stream().filter(c -> c.is("th, td")).toList());
    }

    private Element table(String caption) {
        return first(root.select("table").stream().filter(t -> captionOf(t).equals(caption)).toList(),
                "a table captioned \"" + caption + "\"", root.select("table").stream().map(HtmlPage::captionOf).toList());
    }

    private static List<List<String>> cells(Element table) {
        return table.select("tr").stream().map(tr -> textsOf(tr.select("th, td"))).toList();
    }

    private static String captionOf(Element table) {
        Element caption = table.selectFirst("caption");
        return caption == null ? "" : caption.text();
    }

    /** @return the texts of the elements with role {@code alert}: errors announced at once */
    public List<String> alerts() {
        return texts("[role=alert]");
    }

    /** @return the texts of the elements with role {@code status}: messages such as "Webhook created." */
    public List<String> statuses() {
        return texts("[role=status]");
    }

    /** @return the entry the navigation with that accessible name marks as current, and how */
    public Current current(String navigation) {
        Element entry = element("nav[aria-label=\"" + navigation + "\"] [aria-current]");
        return new Current(entry.text(), entry.attr("aria-current"));
    }

    /** @return the description after the term {@code term} in a description list */
    public String definition(String term) {
        Element dt = first(root.select("dt").stream().filter(d -> d.text().equals(term)).toList(),
                "a term \"" + term + "\"", texts("dt"));
        Element dd = dt.nextElementSibling();
        if (dd == null || !dd.is("dd")) {
            throw new AssertionError("no description after the term " + term);
        }
        return dd.text();
    }

    /** @return the first element matching {@code css}, for structure that matters itself */
    public Element element(String css) {
        Element e = root.selectFirst(css);
        if (e == null) {
            throw new AssertionError("no element matches " + css + " in:\n" + root.outerHtml());
        }
        return e;
    }

    public Elements all(String css) {
        return root.select(css);
    }

    /** The accessible name as a screen reader says it, for the simple cases the admin uses. */
    private static String nameOf(Element e) {
        return e.hasAttr("aria-label") ? e.attr("aria-label") : e.text();
    }

    private List<String> texts(String css) {
        return textsOf(root.select(css));
    }

    /** Unlike {@link Elements#eachText()}, keeps the empty ones: a table's columns stay in place. */
    private static List<String> textsOf(Elements elements) {
        return elements.stream().map(Element::text).toList();
    }

    Element byId(String id) {
        return root.ownerDocument() == null ? root.getElementById(id) : root.ownerDocument().getElementById(id);
    }

    private static Element first(List<Element> found, String what, List<String> present) {
        if (found.isEmpty()) {
            throw new AssertionError("no " + what + "; present: " + present);
        }
        return found.get(0);
    }

    /** A navigation entry marked current: {@code page} for the page itself, {@code true} for its section. */
    public record Current(String text, String kind) {
    }
}
