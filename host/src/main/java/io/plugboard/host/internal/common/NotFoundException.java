package io.plugboard.host.internal.common;

/** A thing asked for by id that does not exist; the message says which. Answered with 404. */
public class NotFoundException extends InputException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }
}
