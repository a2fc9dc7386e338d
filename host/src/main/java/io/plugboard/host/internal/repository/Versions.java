package io.plugboard.host.internal.repository;

import java.util.Comparator;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/** Plugin versions compared as the plugin loader compares them (PF4J's semantic versions). */
final class Versions {

    private static final VersionManager PF4J = new DefaultVersionManager();

    /** Highest first. */
    static final Comparator<String> NEWEST_FIRST = (a, b) -> PF4J.compareVersions(b, a);

    private Versions() {}

    /** @return true if the text is a version the loader can compare (a release listing another is skipped) */
    static boolean valid(String version) {
        try {
            PF4J.compareVersions(version, version);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean newer(String version, String than) {
        return PF4J.compareVersions(version, than) > 0;
    }
}
