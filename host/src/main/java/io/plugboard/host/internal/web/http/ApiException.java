package io.plugboard.host.internal.web.http;

import io.plugboard.host.internal.common.InputException;

/**
 * A refusal the web layer itself decides, with any status (401, 403, 413, 429, …; also the 500 it answers
 * for a plugin's failure, already logged), the message and optional details; answered like the rest of
 * the {@link InputException} family.
 */
public class ApiException extends InputException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object details;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public ApiException(int status, String message, Object details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Object details() {
        return details;
    }
}
