package io.plugboard.repository;

/** A {@code plugins.json} or {@code .sig} file that cannot be used; the message says what is wrong and where. */
public final class InvalidIndexException extends RuntimeException {

    public InvalidIndexException(String message) {
        super(message);
    }
}
