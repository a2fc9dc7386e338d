package io.plugboard.plugins.payments;

import io.plugboard.sdk.PlugboardPlugin;
import io.plugboard.sdk.PluginContext;

/** The payments plugin's main class: it only says hello; its event types come from {@link PaymentEvents}. */
public class PaymentsPlugin extends PlugboardPlugin {

    public PaymentsPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("Payments plugin {} started on Plugboard {}",
                context().pluginVersion(), context().hostVersion());
    }
}
