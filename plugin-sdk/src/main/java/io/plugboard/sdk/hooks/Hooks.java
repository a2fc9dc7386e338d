package io.plugboard.sdk.hooks;

import io.plugboard.sdk.Registration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Actions and filters, in the manner of WordPress's {@code add_action}/{@code do_action} and
 * {@code add_filter}/{@code apply_filters}, with typed keys ({@link ActionHook}, {@link FilterHook}).
 *
 * <p>Callbacks run in order of priority, lower first ({@link #DEFAULT_PRIORITY} is 10); callbacks of
 * equal priority run in the order they were added. A callback that throws is logged with its
 * plugin's id and skipped: the others still run and the code that fired the hook carries on (a
 * filter that throws, or returns null or a value of the wrong type, leaves the value as it was). A
 * callback that takes longer than the host's threshold (200 ms by default) is reported in the log.
 *
 * <p>The host fires the hooks in {@link CoreHooks}; plugins may define and fire their own. Everything
 * a plugin added is removed when the plugin stops.
 */
public interface Hooks {

    /** The priority of callbacks added without one. */
    int DEFAULT_PRIORITY = 10;

    /**
     * Adds a callback to an action, with the default priority.
     *
     * @param hook the action
     * @param callback receives the payload
     * @param <T> the payload's type
     * @return the handle that removes the callback
     */
    default <T> Registration addAction(ActionHook<T> hook, Consumer<? super T> callback) {
        return addAction(hook, DEFAULT_PRIORITY, callback);
    }

    /**
     * Adds a callback to an action.
     *
     * @param hook the action
     * @param priority lower runs first
     * @param callback receives the payload
     * @param <T> the payload's type
     * @return the handle that removes the callback
     */
    <T> Registration addAction(ActionHook<T> hook, int priority, Consumer<? super T> callback);

    /**
     * Adds a callback to a filter, with the default priority.
     *
     * @param hook the filter
     * @param callback returns the value, changed or not
     * @param <T> the value's type
     * @return the handle that removes the callback
     */
    default <T> Registration addFilter(FilterHook<T> hook, UnaryOperator<T> callback) {
        return addFilter(hook, DEFAULT_PRIORITY, callback);
    }

    /**
     * Adds a callback to a filter.
     *
     * @param hook the filter
     * @param priority lower runs first
     * @param callback returns the value, changed or not
     * @param <T> the value's type
     * @return the handle that removes the callback
     */
    <T> Registration addFilter(FilterHook<T> hook, int priority, UnaryOperator<T> callback);

    /** @param hook an action @return whether any callback (of any plugin) is added to it */
    boolean has(ActionHook<?> hook);

    /** @param hook a filter @return whether any callback (of any plugin) is added to it */
    boolean has(FilterHook<?> hook);

    /**
     * Runs every callback of the action, on the calling thread.
     *
     * @param hook the action
     * @param payload handed to each callback
     * @param <T> the payload's type
     */
    <T> void doAction(ActionHook<T> hook, T payload);

    /**
     * Passes the value through every callback of the filter, on the calling thread.
     *
     * @param hook the filter
     * @param value the starting value
     * @param <T> the value's type
     * @return the value the last callback returned, or {@code value} when there are none
     */
    <T> T applyFilters(FilterHook<T> hook, T value);
}
