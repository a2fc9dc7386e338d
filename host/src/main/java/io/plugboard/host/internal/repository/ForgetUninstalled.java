package io.plugboard.host.internal.repository;

import io.plugboard.host.internal.plugins.PluginListener;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Forgets the version chosen for a plugin an admin uninstalled, so the reconciler does not bring it
 * back (other instances keep theirs until their admin uninstalls it there).
 */
public final class ForgetUninstalled implements PluginListener {

    private final WantedVersions wanted;

    public ForgetUninstalled(Jdbi jdbi, Clock clock) {
        this.wanted = new WantedVersions(jdbi, clock);
    }

    @Override
    public void uninstalled(String pluginId) {
        wanted.forget(pluginId);
    }
}
