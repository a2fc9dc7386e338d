package io.plugboard.host.internal.plugins;

import io.plugboard.sdk.PluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's manager set up for Plugboard: it only loads, starts, stops and unloads single plugins it is
 * given (the plugin service decides which, when, and in what order, and keeps their state). Jars are
 * loaded from the private copies, development plugins from a classes directory; the SDK is shared with
 * the host; plugin contexts come through the factory; the host version is the system version.
 */
final class PlugboardPluginManager extends DefaultPluginManager {

    private final Function<PluginWrapper, PluginContext> contexts;

    PlugboardPluginManager(Path copiesDir, String hostVersion, Function<PluginWrapper, PluginContext> contexts) {
        super(copiesDir);
        this.contexts = contexts;
        setSystemVersion(hostVersion);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginFactory createPluginFactory() {
        // Called from PF4J's constructor, before our fields are set: resolve the context lazily.
        return new ContextPluginFactory(wrapper -> contexts.apply(wrapper));
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // Never scanned: the plugin service hands over each jar itself.
        return new JarPluginRepository(getPluginsRoots());
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        // Which plugins are active is the plugin service's business (stored in the database), not
        // PF4J's enabled.txt / disabled.txt.
        return new PluginStatusProvider() {
            @Override public boolean isPluginDisabled(String pluginId) { return false; }
            @Override public void disablePlugin(String pluginId) {}
            @Override public void enablePlugin(String pluginId) {}
        };
    }

    @Override
    protected PluginLoader createPluginLoader() {
        ClassLoader hostLoader = PlugboardPluginManager.class.getClassLoader();
        PluginLoader jars = new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new SdkSharingClassLoader(pluginManager, descriptor, hostLoader);
            }
        };
        PluginLoader classesDirs = new PluginLoader() {
            @Override
            public boolean isApplicable(Path path) {
                return Files.isDirectory(path);
            }

            @Override
            public ClassLoader loadPlugin(Path path, PluginDescriptor descriptor) {
                PluginClassLoader loader = new SdkSharingClassLoader(PlugboardPluginManager.this, descriptor, hostLoader);
                loader.addFile(path.toFile());
                return loader;
            }
        };
        return new CompoundPluginLoader().add(jars).add(classesDirs);
    }

    /**
     * Records as started a plugin whose {@code start()} the runner called itself (on a thread of its
     * own, with a time limit), instead of PF4J's {@code startPlugin}, which would call it on the caller's.
     */
    void markStarted(String pluginId) {
        PluginWrapper wrapper = getPlugin(pluginId);
        wrapper.setPluginState(PluginState.STARTED);
        wrapper.setFailedException(null);
        startedPlugins.add(wrapper);
    }

    /** Records as stopped a plugin whose {@code stop()} the runner called (or gave up on): PF4J never calls it again. */
    void markStopped(String pluginId) {
        PluginWrapper wrapper = getPlugin(pluginId);
        if (wrapper != null) {
            wrapper.setPluginState(PluginState.STOPPED);
            startedPlugins.remove(wrapper);
        }
    }

    /** Unloads one plugin only, closing its class loader (and with it the jar). */
    void unloadOnly(String pluginId) {
        if (getPlugin(pluginId) != null) {
            unloadPlugin(pluginId, false);
        }
    }
}
