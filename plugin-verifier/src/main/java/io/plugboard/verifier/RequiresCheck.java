package io.plugboard.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * {@code Plugin-Requires}: a version range (such as {@code >=0.1.0}) that this SDK's version satisfies.
 * The host leaves this check out: it reports an unmet requirement as the state {@code incompatible},
 * which a newer host resolves, rather than refusing the jar.
 */
final class RequiresCheck implements Check {

    private final VersionManager versions = new DefaultVersionManager();
    private final String sdkVersion;

    RequiresCheck(String sdkVersion) {
        this.sdkVersion = sdkVersion;
    }

    /** @return the SDK version this verifier was built with */
    static String builtSdkVersion() {
        try (InputStream in = RequiresCheck.class.getResourceAsStream("/plugboard-verifier.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugboard-verifier.properties is missing from the verifier's jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("sdk.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void check(PluginFiles plugin, Findings findings) {
        String requires = plugin.descriptor("Plugin-Requires");
        if (requires == null || requires.equals("*")) {
            return;
        }
        boolean met;
        try {
            met = versions.checkVersionConstraint(sdkVersion, requires);
        } catch (RuntimeException e) {
            findings.error("requires-range", "Plugin-Requires '" + requires + "' is not a version range such as >=0.1.0");
            return;
        }
        if (!met) {
            findings.error("requires-unmet", "Plugin-Requires '" + requires + "' is not met by this SDK (" + sdkVersion
                    + "); build against the Plugboard version you require, or widen the range");
        }
    }
}
