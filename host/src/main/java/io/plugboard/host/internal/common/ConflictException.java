package io.plugboard.host.internal.common;

/**
 * A request that is well-formed but cannot be carried out in the current state (e.g. deactivating a
 * plugin others depend on); the message says why and what to do. Answered with 409.
 */
public class ConflictException extends InputException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }
}
