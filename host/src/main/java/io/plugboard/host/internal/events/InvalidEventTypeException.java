package io.plugboard.host.internal.events;

/** An event type the host refuses to register; the message names the key and says what is wrong. */
public class InvalidEventTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidEventTypeException(String message) {
        super(message);
    }
}
