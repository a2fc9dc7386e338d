package io.plugboard.host.internal.plugins;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin class loader that always takes the SDK's classes (and SLF4J's, which the SDK's signatures
 * use) from the host, even when a plugin jar bundles its own copy by mistake: two copies of
 * {@code EventTypeProvider} would make the plugin's extensions invisible to the host, or fail with
 * ClassCastException or a loader constraint violation.
 */
final class SdkSharingClassLoader extends PluginClassLoader {

    /** Packages whose types appear in the SDK's signatures: always the host's copy. */
    private static final String[] SHARED_PACKAGES = {"io.plugboard.sdk.", "org.slf4j."};

    SdkSharingClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        for (String shared : SHARED_PACKAGES) {
            if (className.startsWith(shared)) {
                return getParent().loadClass(className);
            }
        }
        return super.loadClass(className);
    }
}
