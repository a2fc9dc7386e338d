package io.plugboard.host.internal.common;

/** A thing asked for by id that does not exist; the message says which. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
