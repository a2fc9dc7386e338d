package io.plugboard.spring;

import io.plugboard.host.PlugboardBuilder;

/**
 * A bean that changes the builder after the {@code plugboard.*} properties were applied and before the
 * host is built: for what properties cannot say, such as an
 * {@link PlugboardBuilder#authenticator authenticator} that trusts the application's login, or
 * {@link PlugboardBuilder#delivery delivery settings}. Every such bean is called, in bean order.
 */
@FunctionalInterface
public interface PlugboardBuilderCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the builder, with the properties and the application's event types already applied
     */
    void customize(PlugboardBuilder builder);
}
