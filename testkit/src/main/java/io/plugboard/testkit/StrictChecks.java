package io.plugboard.testkit;

import io.plugboard.verifier.PluginVerifier;
import io.plugboard.verifier.VerificationReport;
import java.nio.file.Path;
import java.util.List;

/**
 * The plugin verifier run on the harness's jar before the host starts (the checks the host and
 * {@code plugboard-maven-plugin:verify} run, with the plugin's event type providers): an error fails the
 * test with every problem listed; in strict mode a warning does too, the verifier's or one the host gave at
 * the plugin's start.
 */
final class StrictChecks {

    private final boolean strict;

    StrictChecks(boolean strict) {
        this.strict = strict;
    }

    /**
     * @param expectStarted false when the test expects the plugin to be refused: errors are then left to the host
     * @throws AssertionError naming each problem
     */
    void beforeStart(Path jar, boolean expectStarted) {
        VerificationReport report = PluginVerifier.full().verify(jar);
        if (!report.passed() && expectStarted) {
            throw new AssertionError("the plugin verifier refuses " + jar.getFileName() + ": " + report.describeErrors());
        }
        if (strict) {
            failOnWarnings("the plugin verifier", report.warningMessages());
        }
    }

    /** @throws AssertionError in strict mode, if the host gave the running plugin warnings */
    void afterStart(PluginStatus status) {
        if (strict) {
            failOnWarnings("the host", status.warnings());
        }
    }

    private static void failOnWarnings(String who, List<String> warnings) {
        if (!warnings.isEmpty()) {
            throw new AssertionError("strict mode: " + who + " warns about the plugin: " + String.join("; ", warnings)
                    + " (fix it, or build the harness with strict(false))");
        }
    }
}
