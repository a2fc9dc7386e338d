package io.plugboard.host.internal.hooks;

import io.plugboard.sdk.Registration;
import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.FilterHook;
import io.plugboard.sdk.hooks.Hooks;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The {@link Hooks} of one owner (a plugin, or {@code app}): what it adds is recorded as its own. */
public final class OwnedHooks implements Hooks {

    private final HookRunner runner;
    private final String owner;
    private final BooleanSupplier mayRegister;

    /** @param mayRegister false while the owner is not running: it may fire hooks, not add callbacks */
    public OwnedHooks(HookRunner runner, String owner, BooleanSupplier mayRegister) {
        this.runner = runner;
        this.owner = owner;
        this.mayRegister = mayRegister;
    }

    @Override
    public <T> Registration addAction(ActionHook<T> hook, int priority, Consumer<? super T> callback) {
        check(hook, callback);
        return runner.registry().add(owner, HookRegistry.Kind.ACTION, hook.name(), priority, callback);
    }

    @Override
    public <T> Registration addFilter(FilterHook<T> hook, int priority, UnaryOperator<T> callback) {
        check(hook, callback);
        return runner.registry().add(owner, HookRegistry.Kind.FILTER, hook.name(), priority, callback);
    }

    @Override
    public boolean has(ActionHook<?> hook) {
        return runner.has(hook);
    }

    @Override
    public boolean has(FilterHook<?> hook) {
        return runner.has(hook);
    }

    @Override
    public <T> void doAction(ActionHook<T> hook, T payload) {
        runner.doAction(Objects.requireNonNull(hook, "hook"), payload);
    }

    @Override
    public <T> T applyFilters(FilterHook<T> hook, T value) {
        return runner.applyFilters(Objects.requireNonNull(hook, "hook"), value);
    }

    private void check(Object hook, Object callback) {
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(callback, "callback");
        if (!mayRegister.getAsBoolean()) {
            throw new IllegalStateException("'" + owner + "' is not running: add hooks in start()");
        }
    }
}
