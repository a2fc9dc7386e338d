package io.plugboard.host.internal.plugins;

import io.plugboard.sdk.PluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's manager set up for Plugboard: deployment mode, the host version as system version (so
 * {@code Plugin-Requires} is enforced), plugin contexts through the factory, the SDK shared with the
 * host, and a record of why a jar could not be loaded or a plugin was refused, for the admin to show.
 */
final class PlugboardPluginManager extends DefaultPluginManager {

    /** A file in the plugins folder that PF4J could not load. */
    record LoadFailure(Path path, Exception error) {}

    private final List<LoadFailure> loadFailures = new ArrayList<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Function<PluginWrapper, PluginContext> contexts;

    PlugboardPluginManager(Path pluginsDir, String hostVersion, Function<PluginWrapper, PluginContext> contexts) {
        super(pluginsDir);
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
        // Plugins are jars; PF4J's default would also unpack zips and treat every folder as a plugin.
        return new JarPluginRepository(getPluginsRoots());
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new SdkSharingClassLoader(pluginManager, descriptor, getClass().getClassLoader());
            }
        };
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (RuntimeException e) {
            synchronized (loadFailures) {
                loadFailures.add(new LoadFailure(pluginPath, e));
            }
            // PF4J skips a jar only on its own exception type; anything else (e.g. an unparsable
            // Plugin-Requires) would abort loading every other plugin.
            throw e instanceof PluginRuntimeException p ? p : new PluginRuntimeException(e, e.getMessage());
        }
    }

    @Override
    protected boolean isPluginValid(PluginWrapper wrapper) {
        boolean valid = super.isPluginValid(wrapper);
        if (!valid) {
            refusals.put(wrapper.getPluginId(), "requires Plugboard " + wrapper.getDescriptor().getRequires()
                    + ", but this host is " + getSystemVersion());
        }
        return valid;
    }

    List<LoadFailure> loadFailures() {
        synchronized (loadFailures) {
            return List.copyOf(loadFailures);
        }
    }

    /** @return why the host refused to enable the plugin, if it did */
    String refusal(String pluginId) {
        return refusals.get(pluginId);
    }
}
