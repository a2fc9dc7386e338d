package io.plugboard.sdk.inbound;

/**
 * Thrown by {@link Receiver#parse} when a request's body is not in the format the receiver accepts
 * (not JSON, a required field missing, an unsupported version). The host answers {@code 400} with the
 * message, emits nothing, counts a parse error and keeps the body (capped) in the recent errors.
 */
public class UnparseableRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the body, e.g. "alerts must be an array" */
    public UnparseableRequestException(String message) {
        super(message);
    }

    /** @param message what is wrong with the body @param cause the parser's exception */
    public UnparseableRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
