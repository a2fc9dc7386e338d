package io.plugboard.sdk;

import java.util.List;

/**
 * Thrown when an event is refused: its type is not registered, or its data is not a JSON object or
 * does not satisfy the type's JSON Schema. Nothing is stored when this is thrown.
 */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param message what is wrong, in one sentence
     * @param problems the individual problems, e.g. one per schema violation; may be empty
     */
    public InvalidEventException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** @return the individual problems, e.g. one line per schema violation; may be empty */
    public List<String> problems() { return problems; }
}
