package io.plugboard.host.internal.web.admin;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown a plugin ships (a receiver's connection guide) as HTML for an admin page. Plugin text is not
 * trusted: raw HTML in it is escaped, not passed through, and link and image URLs other than http(s),
 * mailto and relative ones are dropped, so a guide cannot run script in the admin.
 */
final class MarkdownHtml {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private MarkdownHtml() {}

    /** @return the HTML, safe to put into a page as it is */
    static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
