package io.plugboard.host.internal.repository;

import io.plugboard.repository.ReleaseSignature;
import java.net.URI;

/**
 * A release to install: everything an instance needs to download and check it by itself.
 *
 * @param url the jar, absolute (a relative URL in {@code plugins.json} resolved against the index's own URL)
 * @param signature the publisher's signature, or null for an unsigned release
 * @param notes what changed (Markdown), or null
 */
public record ChosenRelease(String pluginId, String version, URI url, String sha512, ReleaseSignature signature,
                            String notes) {

    /** @return the jar's file name in the plugins folder: the last part of its URL, else {@code <id>-<version>.jar} */
    String fileName() {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.toLowerCase().endsWith(".jar") ? last : pluginId + "-" + version + ".jar";
    }
}
