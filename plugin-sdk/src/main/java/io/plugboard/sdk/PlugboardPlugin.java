package io.plugboard.sdk;

import java.util.Objects;
import org.pf4j.Plugin;

/**
 * Base class for a plugin's main class (named by its {@code Plugin-Class} manifest entry).
 *
 * <p>Subclasses declare a public constructor taking a {@link PluginContext} and pass it on; the host
 * calls it when the plugin is loaded. Override {@link #start()} and {@link #stop()} for work that
 * must happen when the plugin is activated or deactivated. A plugin that only contributes extensions
 * needs no main class at all.
 */
public abstract class PlugboardPlugin extends Plugin {

    private final PluginContext context;

    /** @param context the host's context for this plugin */
    protected PlugboardPlugin(PluginContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** @return the host's context for this plugin */
    public final PluginContext context() {
        return context;
    }
}
