package ${package};

import io.plugboard.sdk.PlugboardPlugin;
import io.plugboard.sdk.PluginContext;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import io.plugboard.sdk.settings.SettingsSection;
import java.util.List;

/**
 * The plugin's main class (Plugin-Class): the host creates it with the plugin's context, runs the
 * migrations under src/main/resources/plugboard/migrations, registers the event types, calls start(),
 * and stop() before removing them.
 */
public class ExamplePlugin extends PlugboardPlugin {

    /** A text setting with a default: settings().string(GREETING) always has a value. */
    static final String GREETING = "greeting";
    /** A whole number within a range, shown under the section "Records". */
    static final String LONGEST_TITLE = "longest_title";

    public ExamplePlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        // The host renders these at /admin/plugins/${pluginId}/settings and /api/v1/plugins/${pluginId}/settings.
        SettingsSection recordsSection = SettingsSection.of("Records", "What POST /api/v1/plugins/${pluginId}/records accepts.");
        context().settings().declare(List.of(
                Setting.builder(GREETING, SettingType.STRING).label("Greeting").defaultValue("Hello")
                        .help("Returned by GET /api/v1/plugins/${pluginId}/records.").build(),
                Setting.builder(LONGEST_TITLE, SettingType.INTEGER).label("Longest title").defaultValue("200")
                        .range(1, 2000).section(recordsSection).build()));
        ExampleRecords records = new ExampleRecords(context());
        records.register();
        new ExampleRecordsPage(context(), records).register();
        context().logger().info("{} {} started on Plugboard {}",
                context().pluginId(), context().pluginVersion(), context().hostVersion());
    }

    @Override
    public void stop() {
        // Release here whatever start() acquired (the routes and settings go by themselves). Keep no static
        // references to host objects: they would keep this plugin's class loader alive after it is unloaded.
    }
}
