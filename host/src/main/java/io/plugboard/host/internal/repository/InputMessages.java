package io.plugboard.host.internal.repository;

import io.plugboard.host.internal.common.InputException;
import io.plugboard.host.internal.common.ValidationException;

/** A refusal in one line, for the history and the log: a validation's field messages, else the message. */
final class InputMessages {

    private InputMessages() {}

    static String of(InputException e) {
        return e instanceof ValidationException v && !v.fieldErrors().isEmpty()
                ? String.join("; ", v.fieldErrors().values()) : e.getMessage();
    }
}
