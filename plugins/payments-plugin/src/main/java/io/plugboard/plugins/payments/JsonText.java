package io.plugboard.plugins.payments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small edits on event data as JSON text, enough for this plugin's filter without bundling a JSON
 * library. The host hands filters the data it wrote itself: compact JSON, no spaces between tokens.
 */
final class JsonText {

    private JsonText() {}

    /** @return the value as a JSON string literal */
    static String quote(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** @return the object with {@code "field": value} added first (the host rewrites the object compactly) */
    static String prepend(String object, String field, String value) {
        String rest = object.substring(1).strip();
        return "{" + quote(field) + ":" + quote(value) + (rest.equals("}") ? "}" : "," + rest);
    }

    /** @return the object with every string value of fields named {@code field} replaced */
    static String replaceStrings(String json, String field, String replacement) {
        Pattern p = Pattern.compile(Pattern.quote(quote(field)) + ":\"(?:[^\"\\\\]|\\\\.)*\"");
        return p.matcher(json).replaceAll(Matcher.quoteReplacement(quote(field) + ":" + quote(replacement)));
    }
}
