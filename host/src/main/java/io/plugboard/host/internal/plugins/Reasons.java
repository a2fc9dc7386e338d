package io.plugboard.host.internal.plugins;

/** Turns a plugin's exception into the one line an admin reads: the message, and the root cause's. */
final class Reasons {

    private Reasons() {}

    static String describe(Throwable error) {
        String message = message(error);
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != error) {
            String rootMessage = message(root);
            if (!message.contains(rootMessage)) {
                message = message + " (caused by " + rootMessage + ")";
            }
        }
        return message;
    }

    private static String message(Throwable t) {
        String text = t.getMessage();
        return text == null || text.isBlank() ? t.getClass().getSimpleName() : text;
    }
}
