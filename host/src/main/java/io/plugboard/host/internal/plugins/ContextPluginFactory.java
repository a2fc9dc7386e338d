package io.plugboard.host.internal.plugins;

import io.plugboard.sdk.PluginContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.function.Function;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates plugin main classes, handing each a {@link PluginContext} through its constructor
 * (PF4J's wrapper-taking constructor is deprecated). A plugin without {@code Plugin-Class} gets an
 * empty main class. Failures are thrown with a reason, so PF4J marks the plugin FAILED and says why.
 */
final class ContextPluginFactory implements PluginFactory {

    private final Function<PluginWrapper, PluginContext> contexts;

    ContextPluginFactory(Function<PluginWrapper, PluginContext> contexts) {
        this.contexts = contexts;
    }

    @Override
    public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        if (className == null || className.isBlank()) {
            return new Plugin() {};
        }
        Class<?> type = load(wrapper, className);
        if (!Plugin.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new PluginRuntimeException("Plugin-Class {} must be a concrete subclass of PlugboardPlugin (or org.pf4j.Plugin)", className);
        }
        try {
            return (Plugin) contextConstructor(type).newInstance(contexts.apply(wrapper));
        } catch (NoSuchMethodException e) {
            return createWithoutContext(type);
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "the constructor of {} threw {}", className, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e, "cannot create {}: {}", className, e);
        }
    }

    private static Class<?> load(PluginWrapper wrapper, String className) {
        try {
            return wrapper.getPluginClassLoader().loadClass(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginRuntimeException(e, "Plugin-Class {} cannot be loaded from the plugin jar: {}", className, e);
        }
    }

    private static Constructor<?> contextConstructor(Class<?> type) throws NoSuchMethodException {
        return type.getConstructor(PluginContext.class);
    }

    private static Plugin createWithoutContext(Class<?> type) {
        try {
            return (Plugin) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new PluginRuntimeException("{} needs a public constructor taking a PluginContext", type.getName());
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "the constructor of {} threw {}", type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e, "cannot create {}: {}", type.getName(), e);
        }
    }
}
