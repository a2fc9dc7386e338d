package ${package};

import io.plugboard.sdk.PlugboardPlugin;
import io.plugboard.sdk.PluginContext;

/**
 * The plugin's main class (Plugin-Class): the host creates it with the plugin's context, calls
 * start() after registering the event types, and stop() before removing them.
 */
public class ExamplePlugin extends PlugboardPlugin {

    public ExamplePlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        context().logger().info("{} {} started on Plugboard {}",
                context().pluginId(), context().pluginVersion(), context().hostVersion());
    }

    @Override
    public void stop() {
        // Release here whatever start() acquired. Keep no static references to host objects: they would
        // keep this plugin's class loader alive after it is unloaded.
    }
}
