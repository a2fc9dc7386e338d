package io.plugboard.plugins.formatsupport;

/** Cutting text to a chat service's limits. */
public final class Text {

    private Text() {}

    /**
     * @param text any text
     * @param max the most UTF-16 chars allowed (what the services count, at worst), at least 2
     * @return the text, or its start and "…" within max chars, never splitting a surrogate pair
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
