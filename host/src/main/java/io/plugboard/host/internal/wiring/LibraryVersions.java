package io.plugboard.host.internal.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before anything starts, that the libraries the host relies on (Jetty, Javalin, Jackson,
 * Jdbi) are on the class path in versions it works with: the major version it was built with, and
 * at least that minor version. An application's dependency management can pin an older one (a
 * Spring Boot BOM pinning Jetty 12.0, say); the host would then start and fail later in a background
 * thread with an {@link AbstractMethodError}. Versions are read from each jar's Maven
 * {@code pom.properties}; a library whose jar carries none (stripped by a repackager) is not checked.
 */
final class LibraryVersions {

    private static final Logger log = LoggerFactory.getLogger(LibraryVersions.class);
    private static final String BUILT_WITH = "/plugboard-libraries.properties";

    private LibraryVersions() {}

    /** @throws IllegalStateException naming every library found in a version the host cannot use */
    static void check(ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        Properties builtWith = builtWith();
        for (String artifact : new TreeSet<>(builtWith.stringPropertyNames())) {
            Version needed = Version.parse(builtWith.getProperty(artifact));
            for (String found : versionsOnClassPath(loader, artifact)) {
                if (!Version.parse(found).worksFor(needed)) {
                    problems.add(artifact + " " + found + " is on the class path; Plugboard needs "
                            + needed.major() + "." + needed.minor() + " or a later " + needed.major() + ".x (built with "
                            + needed + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Plugboard cannot start with these library versions: "
                    + String.join("; ", problems) + ". Align them in your build, e.g. the version your dependency "
                    + "management (a BOM) pins for that group, or import plugboard-bom before it.");
        }
    }

    private static List<String> versionsOnClassPath(ClassLoader loader, String artifact) {
        String[] ga = artifact.split(":");
        List<String> versions = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties"))) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                if (p.getProperty("version") != null) {
                    versions.add(p.getProperty("version"));
                }
            }
        } catch (IOException e) {
            log.debug("Could not read the version of {}: {}", artifact, e.toString());
        }
        return versions;
    }

    private static Properties builtWith() {
        try (InputStream in = LibraryVersions.class.getResourceAsStream(BUILT_WITH)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_WITH + " is missing from the host jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numeric head of a version such as {@code 12.1.12}, {@code 2.22} or {@code 3.55.0-rc1}. */
    record Version(int major, int minor, int patch) {

        static Version parse(String text) {
            String[] parts = text.split("[.-]");
            return new Version(number(parts, 0), number(parts, 1), number(parts, 2));
        }

        private static int number(String[] parts, int i) {
            if (i >= parts.length) {
                return 0;
            }
            String digits = parts[i].replaceAll("\\D.*", "");
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        }

        /** @return whether a library of this version can stand in for {@code needed} */
        boolean worksFor(Version needed) {
            return major == needed.major && minor >= needed.minor;
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }
}
