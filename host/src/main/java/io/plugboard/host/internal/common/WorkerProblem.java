package io.plugboard.host.internal.common;

import java.time.Instant;

/**
 * A background worker whose last pass failed.
 *
 * @param worker the worker's name, e.g. {@code dispatcher}
 * @param errorType the last failure's class, e.g. {@code AbstractMethodError}: safe to show anyone
 * @param message the last failure's message, or null: for the log and the operator, not the public
 * @param since when the current streak of failures began
 * @param failures how many passes in a row failed
 */
public record WorkerProblem(String worker, String errorType, String message, Instant since, int failures) {

    /** @return the failure as one line: type and message */
    public String error() {
        return message == null ? errorType : errorType + ": " + message;
    }
}
