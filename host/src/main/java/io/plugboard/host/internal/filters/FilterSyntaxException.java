package io.plugboard.host.internal.filters;

/** A filter that does not parse; the message says where and what was expected. */
public final class FilterSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FilterSyntaxException(String message) {
        super(message);
    }
}
