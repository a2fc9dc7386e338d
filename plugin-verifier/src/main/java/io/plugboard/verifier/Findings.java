package io.plugboard.verifier;

import java.util.ArrayList;
import java.util.List;

/** Collects what the checks find, in order. */
final class Findings {

    private final List<Finding> errors = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();

    void error(String code, String message) {
        errors.add(new Finding(Finding.Severity.ERROR, code, message));
    }

    void warning(String code, String message) {
        warnings.add(new Finding(Finding.Severity.WARNING, code, message));
    }

    VerificationReport report() {
        return new VerificationReport(errors, warnings);
    }
}
