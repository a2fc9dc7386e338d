package io.plugboard.host.internal.payloads;

/** A template that does not compile or render, or renders a body that is not valid JSON; the message says where. */
public final class TemplateProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TemplateProblem(String message) {
        super(message);
    }
}
