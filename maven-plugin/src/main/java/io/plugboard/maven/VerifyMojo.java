package io.plugboard.maven;

import io.plugboard.verifier.Finding;
import io.plugboard.verifier.PluginVerifier;
import io.plugboard.verifier.VerificationReport;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the plugin verifier on the plugin jar the build packaged: every check the host runs at install,
 * and the plugin's event type providers (their samples against their schemas). An error fails the build,
 * listing every problem; warnings are printed, and fail it too with {@code failOnWarning}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractMojo {

    /** The plugin jar to verify. */
    @Parameter(property = "plugboard.verify.file",
            defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    private File file;

    /** Fail the build on warnings too. */
    @Parameter(property = "plugboard.verify.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Skip the check. */
    @Parameter(property = "plugboard.verify.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Plugboard plugin verification skipped");
            return;
        }
        if (!file.isFile()) {
            throw new MojoFailureException("no plugin jar at " + file + " to verify; run the goal after package, or "
                    + "set <file>");
        }
        VerificationReport report = PluginVerifier.full().verify(file.toPath());
        for (Finding warning : report.warnings()) {
            getLog().warn("Plugboard verifier: " + warning.message() + " [" + warning.code() + "]");
        }
        for (Finding error : report.errors()) {
            getLog().error("Plugboard verifier: " + error.message() + " [" + error.code() + "]");
        }
        if (!report.passed()) {
            throw new MojoFailureException(file.getName() + " would be refused by Plugboard: " + report.describeErrors());
        }
        if (failOnWarning && !report.warnings().isEmpty()) {
            throw new MojoFailureException(file.getName() + " has " + report.warnings().size()
                    + " verifier warning(s) and failOnWarning is set: " + String.join("; ", report.warningMessages()));
        }
        getLog().info("Plugboard verifier: " + file.getName() + " passed" + (report.warnings().isEmpty() ? ""
                : " with " + report.warnings().size() + " warning(s)"));
    }
}
