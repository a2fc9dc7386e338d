package io.plugboard.verifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a plugin jar or classes directory before it is installed or published. One set of checks, run
 * by the host at install and load ({@link #withoutRunningCode()}: it never runs a plugin's code outside
 * its start), and by {@code plugboard-maven-plugin}'s {@code verify} goal and the testkit
 * ({@link #full()}, which also runs the plugin's event type providers to check their samples).
 *
 * <p>Usage: {@code PluginVerifier.full().verify(Path.of("target/my-plugin-1.0.0.jar"))}; every problem is
 * in the report, not just the first.
 */
public final class PluginVerifier {

    private final List<Check> checks;

    private PluginVerifier(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** @return every check, including those that run the plugin's event type providers */
    public static PluginVerifier full() {
        List<Check> all = new ArrayList<>(staticChecks());
        all.add(0, new RequiresCheck(RequiresCheck.builtSdkVersion()));
        all.add(new EventTypeCheck());
        return new PluginVerifier(all);
    }

    /**
     * @return the checks that only read the plugin's files; {@code Plugin-Requires} is left to the host's
     *     own comparison with its version (a plugin for a newer host is {@code incompatible}, not refused)
     */
    public static PluginVerifier withoutRunningCode() {
        return new PluginVerifier(staticChecks());
    }

    private static List<Check> staticChecks() {
        return List.of(
                new DescriptorCheck(),
                new DuplicateEntryCheck(),
                new ExtensionIndexCheck(),
                new ContributionCheck(),
                new ReferenceCheck(),
                new ForbiddenCallCheck(),
                new PageTemplateCheck());
    }

    /**
     * @param jarOrClassesDir a plugin jar, or a classes directory with {@code plugin.properties}
     * @return the errors and warnings found; a file that is no readable jar is one error
     */
    public VerificationReport verify(Path jarOrClassesDir) {
        Findings findings = new Findings();
        PluginFiles plugin;
        try {
            plugin = PluginFiles.read(jarOrClassesDir);
        } catch (IOException e) {
            findings.error("unreadable-jar", e.getMessage() == null ? "not a valid jar file" : e.getMessage());
            return findings.report();
        }
        for (Check check : checks) {
            check.check(plugin, findings);
        }
        return findings.report();
    }

    /** The text of {@link ContributionCheck}'s warning, which the host also gives at a start that found nothing. */
    public static String contributesNothingWarning() {
        return ContributionCheck.CONTRIBUTES_NOTHING;
    }
}
