package io.plugboard.host.internal.plugins;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin class loader that always takes the SDK's classes from the host, even when a plugin jar
 * bundles its own copy by mistake: two copies of {@code EventTypeProvider} would make the plugin's
 * extensions invisible to the host, or fail with ClassCastException.
 */
final class SdkSharingClassLoader extends PluginClassLoader {

    private static final String SDK_PACKAGE = "io.plugboard.sdk.";

    SdkSharingClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (className.startsWith(SDK_PACKAGE)) {
            return getParent().loadClass(className);
        }
        return super.loadClass(className);
    }
}
