package io.plugboard.sdk.inbound;

/**
 * Thrown by {@link Receiver#parse} when a request is not authentic: its signature is missing or wrong,
 * or its timestamp is outside the allowed window. The host answers {@code 401} with the message,
 * emits nothing, counts the request as rejected and records it in the recent errors.
 */
public class RejectedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message why, for the sender and the admin; never include the secret */
    public RejectedRequestException(String message) {
        super(message);
    }
}
