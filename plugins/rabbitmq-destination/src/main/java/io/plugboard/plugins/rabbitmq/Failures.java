package io.plugboard.plugins.rabbitmq;

import com.rabbitmq.client.ShutdownSignalException;

/** Says in words why a connection or publish failed, from the exception and its causes. */
final class Failures {

    private Failures() {}

    /** @return e.g. {@code Connection refused} or {@code NOT_ALLOWED - vhost x not found} */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException signal) {
                return ShutdownReasons.of(signal);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? text : e.getClass().getSimpleName() + ": " + text;
    }
}
