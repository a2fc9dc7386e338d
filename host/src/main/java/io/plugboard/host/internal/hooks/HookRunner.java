package io.plugboard.host.internal.hooks;

import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.FilterHook;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs callbacks: each one isolated (a throw is logged with the owner's id and the next callback
 * runs) and timed (one over the threshold is reported with the owner and the hook).
 */
public final class HookRunner {

    private static final Logger log = LoggerFactory.getLogger(HookRunner.class);

    private final HookRegistry registry;
    private final long slowNanos;

    public HookRunner(HookRegistry registry, Duration slowThreshold) {
        this.registry = registry;
        this.slowNanos = slowThreshold.toNanos();
    }

    public HookRegistry registry() {
        return registry;
    }

    public boolean has(ActionHook<?> hook) {
        return registry.has(HookRegistry.Kind.ACTION, hook.name());
    }

    public boolean has(FilterHook<?> hook) {
        return registry.has(HookRegistry.Kind.FILTER, hook.name());
    }

    @SuppressWarnings("unchecked")
    public <T> void doAction(ActionHook<T> hook, T payload) {
        for (HookRegistry.Callback c : registry.callbacks(HookRegistry.Kind.ACTION, hook.name())) {
            long start = System.nanoTime();
            try {
                ((Consumer<? super T>) c.function()).accept(payload);
            } catch (Exception | LinkageError | AssertionError e) {
                log.warn("Hook callback of '{}' on {} threw; the other callbacks still run: {}", c.owner(), hook, e, e);
            } finally {
                reportIfSlow(c, hook.toString(), start);
            }
        }
    }

    public <T> T applyFilters(FilterHook<T> hook, T value) {
        return applyFilters(hook, value, null);
    }

    /**
     * @param afterEach given each callback's owner and the value it returned (or the value left as it was),
     *     e.g. to note who added what; null for nothing
     */
    @SuppressWarnings("unchecked")
    public <T> T applyFilters(FilterHook<T> hook, T value, BiFunction<String, T, T> afterEach) {
        T current = value;
        for (HookRegistry.Callback c : registry.callbacks(HookRegistry.Kind.FILTER, hook.name())) {
            long start = System.nanoTime();
            try {
                Object next = ((UnaryOperator<T>) c.function()).apply(current);
                if (hook.payloadType().isInstance(next)) {
                    current = (T) next;
                } else {
                    log.warn("Hook callback of '{}' on {} returned {}; the value is left as it was", c.owner(), hook,
                            next == null ? "null" : "a " + next.getClass().getName());
                }
            } catch (Exception | LinkageError | AssertionError e) {
                log.warn("Hook callback of '{}' on {} threw; the value is left as it was: {}", c.owner(), hook, e, e);
            } finally {
                reportIfSlow(c, hook.toString(), start);
            }
            if (afterEach != null) {
                current = afterEach.apply(c.owner(), current);
            }
        }
        return current;
    }

    private void reportIfSlow(HookRegistry.Callback c, String hook, long start) {
        long took = System.nanoTime() - start;
        if (took > slowNanos) {
            log.warn("Slow hook callback: '{}' on {} took {} ms (threshold {} ms)", c.owner(), hook,
                    took / 1_000_000, slowNanos / 1_000_000);
        }
    }
}
