package io.plugboard.verifier.schema;

/** An event type whose sample or schema is refused; the message starts with the type's key and says what to fix. */
public final class InvalidSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSchemaException(String message) {
        super(message);
    }
}
