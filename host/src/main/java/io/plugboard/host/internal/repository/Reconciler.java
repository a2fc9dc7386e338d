package io.plugboard.host.internal.repository;

import io.plugboard.host.internal.common.InputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this instance follow the versions chosen on any instance: a plugin whose chosen release is not
 * installed here, or newer than the version installed here, is downloaded and checked by this
 * instance itself and installed through the same safe path. A lower chosen version is left alone (a
 * downgrade is always an admin's explicit act on an instance). A release that failed here is not
 * tried again until another one is chosen, so a broken release is not downloaded over and over.
 */
final class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    static final String ACTOR = "follow";

    /** The sha512 of the release that failed here, by plugin id. */
    private final Map<String, String> failed = new HashMap<>();

    void pass(List<ChosenRelease> chosen, Map<String, String> installed, ReleaseInstaller installer) {
        for (ChosenRelease release : chosen) {
            String here = installed.get(release.pluginId());
            boolean behind = here == null || Versions.valid(here) && Versions.newer(release.version(), here);
            if (!behind || release.sha512().equals(failed.get(release.pluginId()))) {
                continue;
            }
            log.info("Plugin '{}' {} was chosen on another instance; installing it here (now {})", release.pluginId(),
                    release.version(), here == null ? "not installed" : here);
            try {
                installer.apply(release, here, ACTOR);
                failed.remove(release.pluginId());
            } catch (InputException e) {
                failed.put(release.pluginId(), release.sha512()); // recorded in the history by the installer
            }
        }
    }
}
