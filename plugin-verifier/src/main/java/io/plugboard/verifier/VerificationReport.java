package io.plugboard.verifier;

import java.util.List;

/**
 * What the verifier found in one plugin: its errors (any one refuses it) and its warnings, each list in
 * the order the checks found them.
 */
public record VerificationReport(List<Finding> errors, List<Finding> warnings) {

    public VerificationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** @return true if there is no error (warnings may remain) */
    public boolean passed() {
        return errors.isEmpty();
    }

    /** @return the errors' messages, one sentence each */
    public List<String> errorMessages() {
        return errors.stream().map(Finding::message).toList();
    }

    /** @return the warnings' messages, one sentence each */
    public List<String> warningMessages() {
        return warnings.stream().map(Finding::message).toList();
    }

    /**
     * @return every error in one text: the message itself for one, "N problems: (1) …; (2) …" for more,
     *     so a refusal lists them all
     */
    public String describeErrors() {
        if (errors.size() == 1) {
            return errors.get(0).message();
        }
        StringBuilder text = new StringBuilder(errors.size() + " problems: ");
        for (int i = 0; i < errors.size(); i++) {
            text.append(i == 0 ? "" : "; ").append('(').append(i + 1).append(") ").append(errors.get(i).message());
        }
        return text.toString();
    }
}
