package io.plugboard.sdk.hooks;

import java.util.Objects;

/**
 * The key of an action: a named point where callbacks run with a payload of type {@code T} and
 * return nothing (WordPress's {@code do_action}). Two keys are the same hook when their names are equal.
 *
 * <pre>{@code
 * public static final ActionHook<Invoice> INVOICE_SENT = ActionHook.of("acme.invoice_sent", Invoice.class);
 * }</pre>
 *
 * @param <T> the payload's type
 */
public final class ActionHook<T> {

    private final String name;
    private final Class<T> payloadType;

    private ActionHook(String name, Class<T> payloadType) {
        this.name = HookNames.check(name);
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
    }

    /**
     * @param name the hook's name; plugins should prefix their own hooks with their id
     * @param payloadType the payload's class
     * @param <T> the payload's type
     * @return the key
     */
    public static <T> ActionHook<T> of(String name, Class<T> payloadType) {
        return new ActionHook<>(name, payloadType);
    }

    /** @return the hook's name */
    public String name() {
        return name;
    }

    /** @return the payload's class */
    public Class<T> payloadType() {
        return payloadType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionHook<?> other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "action " + name;
    }
}
