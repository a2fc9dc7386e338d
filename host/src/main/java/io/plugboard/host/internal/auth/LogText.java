package io.plugboard.host.internal.auth;

/** Text from a request made safe for one log line: control characters replaced, length capped. */
final class LogText {

    private static final int MAX = 100;

    private LogText() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX));
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX ? out + "…" : out.toString();
    }
}
