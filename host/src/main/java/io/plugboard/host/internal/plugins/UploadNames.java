package io.plugboard.host.internal.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The file name an uploaded jar gets in the plugins folder: its own name when that is a plain
 * {@code .jar} name no file has yet, else {@code <id>-<version>.jar} (numbered if that is taken too).
 * Never the name of a jar already there, so an upgrade leaves the previous version's jar intact until
 * the new version runs.
 */
final class UploadNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,150}\\.[jJ][aA][rR]");

    private UploadNames() {}

    static String choose(Path dir, String uploaded, String id, String version) {
        String own = uploaded == null ? null : uploaded.substring(Math.max(uploaded.lastIndexOf('/'),
                uploaded.lastIndexOf('\\')) + 1);
        if (own != null && SAFE.matcher(own).matches() && !Files.exists(dir.resolve(own))) {
            return own;
        }
        String base = id + "-" + version.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base + ".jar";
        for (int n = 2; Files.exists(dir.resolve(name)); n++) {
            name = base + "-" + n + ".jar";
        }
        return name;
    }
}
