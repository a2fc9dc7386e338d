package io.plugboard.host.internal.common;

import java.util.Map;

/**
 * The family of refusals: a request the host will not carry out because of what was sent or the state
 * things are in, with the HTTP status it means, a message saying what to fix, and optional details.
 * Nothing is changed when one is thrown. The web layer answers every member in one place
 * ({@code web.ErrorResponses}), so a feature only picks the right kind: {@link ValidationException}
 * (400), {@link NotFoundException} (404), {@link ConflictException} (409), or its own subclass.
 */
public abstract class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected InputException(String message) {
        super(message);
    }

    /** @return the HTTP status the refusal is answered with */
    public abstract int status();

    /** @return what the answer carries besides the message (e.g. field → problem), or null */
    public Object details() {
        return null;
    }

    /** @return headers the answer carries (e.g. {@code Retry-After}); none by default */
    public Map<String, String> headers() {
        return Map.of();
    }
}
