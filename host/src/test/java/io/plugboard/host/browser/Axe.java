package io.plugboard.host.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core (from its WebJar, on the test class path) run in the page the browser shows. The script is
 * put into the page by the driver, not served by the host, so the admin's CSP stays as it is; after a
 * tab's first check, the pages it loads next have axe-core from the start (it only defines {@code axe}).
 */
final class Axe {

    private static final String SCRIPT = load();

    /** One rule the page breaks, with the elements that break it. */
    record Violation(String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return impact + " " + rule + ": " + help + " " + targets;
        }
    }

    private Axe() {}

    private static String load() {
        String path = "/META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js";
        try (InputStream in = Axe.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() {
        try (InputStream in = Axe.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the axe-core WebJar is not on the test class path", e);
        }
    }

    /** @return the serious and critical violations of WCAG 2.1 A/AA and best-practice rules on the current page */
    @SuppressWarnings("unchecked")
    static List<Violation> seriousViolations(Browser browser) {
        // The script is 500 kB: sending it with every page cost more than the page. It goes once per tab, into
        // this page and into every page the tab loads next (so until the next test's clean slate).
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe?.run === 'function'"))) {
            browser.script(SCRIPT);
            browser.runInEveryNewPage(SCRIPT);
        }
        Object result = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                                   resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
                                                          targets: v.nodes.map(n => n.target.join(' '))}))))
                   .catch(e => done({error: String(e)}));
                """);
        if (result instanceof Map<?, ?> error) {
            throw new AssertionError("axe-core failed: " + error.get("error"));
        }
        List<Violation> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(new Violation((String) v.get("rule"), impact, (String) v.get("help"),
                        (List<String>) v.get("targets")));
            }
        }
        return out;
    }
}
