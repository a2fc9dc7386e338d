package io.plugboard.host.docs;

import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.FilterHook;
import io.plugboard.sdk.hooks.HookDoc;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes docs/hooks.md from the SDK: each {@link CoreHooks} constant in source order, its Javadoc (read
 * from the SDK's source, the one place it is written), its {@link HookDoc} and its payload record's fields.
 */
final class HookReference {

    /** One documented constant. */
    record Entry(String constant, String summary) {}

    private static final Pattern CONSTANT = Pattern.compile(
            "/\\*\\*((?:[^*]|\\*(?!/))*)\\*/\\s*@HookDoc\\(.*?\\)\\s*public static final (?:Action|Filter)Hook<\\w+> (\\w+)",
            Pattern.DOTALL);

    private HookReference() {}

    static String text(Path coreHooksSource) throws IOException, ReflectiveOperationException {
        List<Entry> entries = entries(Files.readString(coreHooksSource));
        StringBuilder out = new StringBuilder();
        out.append("# Core hooks\n\n")
                .append("<!-- Generated from io.plugboard.sdk.hooks.CoreHooks by host's TestHookDocs; do not edit.\n")
                .append("     Rewrite: mvn -B -ntp -o -q -pl plugin-sdk,host -am verify -DskipITs -Dtest=TestHookDocs ")
                .append("-Dsurefire.failIfNoSpecifiedTests=false -Dplugboard.docs.write=true -->\n\n")
                .append("The hooks the host fires, in the order of `CoreHooks` (").append(entries.size())
                .append(" hooks). How to add callbacks: [plugin-authors.md, Hooks](plugin-authors.md#hooks). ")
                .append("Payloads are records of `io.plugboard.sdk.hooks`; JSON is text. When nobody listens, a ")
                .append("hook costs one map lookup: the host builds no payload.\n\n")
                .append("| constant | name | kind | payload |\n| --- | --- | --- | --- |\n");
        for (Entry e : entries) {
            Field f = CoreHooks.class.getField(e.constant());
            out.append("| [`").append(e.constant()).append("`](#").append(anchor(name(f))).append(") | `")
                    .append(name(f)).append("` | ").append(kind(f)).append(" | `")
                    .append(payload(f).getSimpleName()).append("` |\n");
        }
        for (Entry e : entries) {
            Field f = CoreHooks.class.getField(e.constant());
            HookDoc doc = f.getAnnotation(HookDoc.class);
            out.append("\n## ").append(name(f)).append("\n\n")
                    .append("`CoreHooks.").append(e.constant()).append("`, ").append(kind(f)).append(". ")
                    .append(e.summary()).append("\n\n")
                    .append("- **Payload:** `").append(signature(payload(f))).append("`\n")
                    .append("- **When:** ").append(doc.when()).append("\n")
                    .append("- **Thread:** ").append(doc.thread()).append("\n")
                    .append("- **May block:** ").append(doc.mayBlock() ? "yes" : "no: keep it fast").append("\n");
        }
        return out.toString();
    }

    static List<Entry> entries(String source) {
        List<Entry> out = new ArrayList<>();
        Matcher m = CONSTANT.matcher(source);
        while (m.find()) {
            out.add(new Entry(m.group(2), javadoc(m.group(1))));
        }
        return out;
    }

    private static String javadoc(String raw) {
        String text = raw.replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("\\s+", " ").trim();
        text = text.replaceAll("\\{@code ([^}]*)}", "`$1`");
        return text.replaceAll("\\{@link #(\\w+)}", "`$1`").replaceAll("\\{@link (\\w+)}", "`$1`");
    }

    private static String name(Field f) throws IllegalAccessException {
        Object hook = f.get(null);
        return hook instanceof ActionHook<?> a ? a.name() : ((FilterHook<?>) hook).name();
    }

    private static String kind(Field f) throws IllegalAccessException {
        return f.get(null) instanceof ActionHook<?> ? "action" : "filter";
    }

    private static Class<?> payload(Field f) throws IllegalAccessException {
        Object hook = f.get(null);
        return hook instanceof ActionHook<?> a ? a.payloadType() : ((FilterHook<?>) hook).payloadType();
    }

    /** A record's components; for a class, its public no-argument accessors, by name. */
    private static String signature(Class<?> type) {
        List<String> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(c.getName() + ": " + simple(c.getGenericType()));
            }
        } else {
            // Sorted by name: the order getDeclaredMethods returns is not specified.
            for (java.lang.reflect.Method m : java.util.Arrays.stream(type.getDeclaredMethods())
                    .sorted(java.util.Comparator.comparing(java.lang.reflect.Method::getName)).toList()) {
                int mods = m.getModifiers();
                if (java.lang.reflect.Modifier.isPublic(mods) && !java.lang.reflect.Modifier.isStatic(mods)
                        && m.getParameterCount() == 0 && m.getReturnType() != void.class
                        && !List.of("toString", "hashCode").contains(m.getName()) && !m.getName().startsWith("with")) {
                    fields.add(m.getName() + "(): " + simple(m.getGenericReturnType()));
                }
            }
            if (fields.isEmpty()) {
                return type.getSimpleName();
            }
        }
        return type.getSimpleName() + "(" + String.join(", ", fields) + ")";
    }

    private static String simple(java.lang.reflect.Type type) {
        return type.getTypeName().replaceAll("[\\w.]+\\.(\\w+)", "$1");
    }

    private static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_ -]", "").replace(' ', '-');
    }
}
