/**
 * The Plugboard plugin SDK: everything a plugin author compiles against.
 *
 * <p>A plugin contributes {@link io.plugboard.sdk.EventType event types} by implementing
 * {@link io.plugboard.sdk.EventTypeProvider} and annotating the class with {@code @org.pf4j.Extension}.
 * A plugin class that extends {@link io.plugboard.sdk.PlugboardPlugin} receives a
 * {@link io.plugboard.sdk.PluginContext} from the host, through which it emits events and logs.
 *
 * <p>Depend on this artifact with scope {@code provided}: the host supplies it at run time, and a
 * second copy inside a plugin jar would make the host and the plugin disagree about its types.
 */
package io.plugboard.sdk;
