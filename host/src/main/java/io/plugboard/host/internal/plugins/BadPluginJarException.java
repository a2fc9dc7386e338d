package io.plugboard.host.internal.plugins;

/** A file that is not a plugin the host can install; the message says what is wrong with it. */
final class BadPluginJarException extends Exception {

    private static final long serialVersionUID = 1L;

    BadPluginJarException(String message) {
        super(message);
    }
}
