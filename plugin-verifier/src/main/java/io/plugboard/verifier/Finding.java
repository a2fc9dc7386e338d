package io.plugboard.verifier;

import java.util.Objects;

/**
 * One problem the verifier found in a plugin.
 *
 * @param severity an error refuses the plugin; a warning is shown (and fails a strict test or build)
 * @param code a stable name of the check's finding, e.g. {@code forbidden-call}, for tools and tests
 * @param message what is wrong and what to fix, one sentence
 */
public record Finding(Severity severity, String code, String message) {

    /** How bad a finding is. */
    public enum Severity { ERROR, WARNING }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " [" + code + "] " + message;
    }
}
