package io.plugboard.sdk;

/**
 * A plugin transaction failed with a checked exception: one the work threw (its cause; the
 * transaction was rolled back), an {@link java.sql.SQLException} of {@link Transaction#execute} or
 * {@link Transaction#query}, or a failure to begin or commit the transaction. Unchecked exceptions
 * and errors the work throws reach the caller as they are.
 */
public class TransactionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransactionException(String message, Throwable cause) {
        super(message, cause);
    }
}
