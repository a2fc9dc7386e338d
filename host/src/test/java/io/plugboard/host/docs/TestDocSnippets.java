package io.plugboard.host.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of docs/embedding.md and docs/plugin-authors.md is compiled code: it is marked
 * {@code <!-- snippet: PATH#NAME -->} and equals, word for word, the region {@code // snippet:NAME} …
 * {@code // end:NAME} of that source file (import lines at the top of a block must be among the
 * file's imports); a block marked with a path alone (a method's signature) has each of its lines
 * begin a line of that file. A snippet that stops compiling fails the build; one edited in the document but not in
 * the source fails here. The plugin authors' snippets are plugin code compiled against the SDK (the classes in
 * {@code docs/authors}) and, for the testkit's, the testkit's test sources ({@code io.plugboard.testkit.docs}).
 */
class TestDocSnippets {

    private static final Path ROOT = Path.of("..");
    private static final List<String> DOCUMENTS = List.of("docs/embedding.md", "docs/plugin-authors.md");
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)(?:#(\\S+))? -->");

    @Test
    void everyJavaBlockOfTheGuidesIsCompiledCode() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (String document : DOCUMENTS) {
            List<String> lines = Files.readAllLines(ROOT.resolve(document));
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```java")) {
                    continue;
                }
                List<String> block = new ArrayList<>();
                int end = i + 1;
                for (; !lines.get(end).strip().startsWith("```"); end++) {
                    block.add(lines.get(end));
                }
                String where = document + ":" + (i + 1);
                Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1).strip()) : MARKER.matcher("");
                if (!marker.matches()) {
                    soft.fail(where + ": a Java block without a <!-- snippet: PATH#NAME --> line before it");
                } else {
                    check(soft, where, block, ROOT.resolve(marker.group(1)), marker.group(2));
                    checked++;
                }
                i = end;
            }
        }
        soft.assertThat(checked).as("blocks checked").isGreaterThan(25);
        soft.assertAll();
    }

    private static void check(SoftAssertions soft, String where, List<String> block, Path source, String name)
            throws IOException {
        if (!Files.exists(source)) {
            soft.fail(where + ": " + source + " does not exist");
            return;
        }
        List<String> file = Files.readAllLines(source);
        List<String> stripped = file.stream().map(String::strip).toList();
        if (name == null) {
            block.stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> soft.assertThat(
                    stripped.stream().anyMatch(s -> s.startsWith(l))).as(where + ": '" + l + "' begins a line of " + source)
                    .isTrue());
            return;
        }
        int from = stripped.indexOf("// snippet:" + name);
        int to = stripped.indexOf("// end:" + name);
        if (from < 0 || to < from) {
            soft.fail(where + ": no region " + name + " in " + source);
            return;
        }
        List<String> code = new ArrayList<>(block);
        while (!code.isEmpty() && code.get(0).startsWith("import ")) {
            String line = code.remove(0);
            soft.assertThat(stripped.contains(line)).as(where + ": '" + line + "' is an import of " + source).isTrue();
        }
        while (!code.isEmpty() && code.get(0).isBlank()) {
            code.remove(0);
        }
        soft.assertThat(String.join("\n", code)).as(where + " equals " + source.getFileName() + "#" + name)
                .isEqualTo(String.join("\n", dedent(file.subList(from + 1, to))));
    }

    private static List<String> dedent(List<String> region) {
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }
}
