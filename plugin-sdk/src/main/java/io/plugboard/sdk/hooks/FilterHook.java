package io.plugboard.sdk.hooks;

import java.util.Objects;

/**
 * The key of a filter: a named point where callbacks may replace a value of type {@code T}, each
 * receiving what the previous one returned (WordPress's {@code apply_filters}). Two keys are the same hook when their names are equal.
 *
 * <pre>{@code
 * public static final FilterHook<Invoice> INVOICE_TOTAL = FilterHook.of("acme.invoice_total", Invoice.class);
 * }</pre>
 *
 * @param <T> the value's type
 */
public final class FilterHook<T> {

    private final String name;
    private final Class<T> payloadType;

    private FilterHook(String name, Class<T> payloadType) {
        this.name = HookNames.check(name);
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
    }

    /**
     * @param name the hook's name; plugins should prefix their own hooks with their id
     * @param payloadType the value's class
     * @param <T> the value's type
     * @return the key
     */
    public static <T> FilterHook<T> of(String name, Class<T> payloadType) {
        return new FilterHook<>(name, payloadType);
    }

    /** @return the hook's name */
    public String name() {
        return name;
    }

    /** @return the value's class */
    public Class<T> payloadType() {
        return payloadType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterHook<?> other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "filter " + name;
    }
}
