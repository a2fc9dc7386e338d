package io.plugboard.host.internal.plugins;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A development plugin's folder as the author gave it, and the classes directory loaded from it: the
 * folder itself, or, for a Maven project (a folder with a {@code pom.xml}, e.g. {@code --dev-plugin .}),
 * its build output {@code target/classes}.
 */
record DevelopmentDir(Path given, Path classes) {

    static DevelopmentDir of(Path given) {
        Path folder = given.toAbsolutePath().normalize();
        return new DevelopmentDir(folder, Files.isRegularFile(folder.resolve("pom.xml"))
                ? folder.resolve("target").resolve("classes") : folder);
    }

    /** @return why there is nothing to load yet (the classes directory does not exist), or null */
    String missing() {
        if (Files.isDirectory(classes)) {
            return null;
        }
        if (!classes.equals(given)) {
            return given + " is a Maven project, but its build output " + classes + " does not exist yet: run "
                    + "mvn compile (the host loads the plugin as soon as it appears)";
        }
        return "the classes directory " + classes + " does not exist: give a plugin's class output directory "
                + "(e.g. target/classes) or its Maven project folder";
    }

    @Override
    public String toString() {
        return classes.toString();
    }
}
