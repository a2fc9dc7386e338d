package io.plugboard.sdk.json;

/**
 * A JSON problem: text that is not valid JSON (the message ends with the line and column), a value
 * of another kind than asked for ({@code "customer.email is a number, not a string"}), a missing
 * member, or a Java value that has no JSON form. The message is always one line, fit to show to
 * whoever sent the JSON; it never contains the whole document.
 *
 * <p>It is an {@link IllegalArgumentException}, so one that a JSON route or an admin page lets go
 * answers 400 with its message.
 */
public class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message one line saying what is wrong */
    public JsonException(String message) {
        super(message);
    }

    /** @param message one line saying what is wrong @param cause the underlying failure */
    public JsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
