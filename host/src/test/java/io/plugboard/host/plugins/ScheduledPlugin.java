package io.plugboard.host.plugins;

import io.plugboard.host.testing.PluginJar;

/**
 * The recipe of the test plugin {@code scheduled}: a cron task every second on every instance (action
 * {@code scheduled.cron}), a task every 100 ms on one instance (action {@code scheduled.one}), and a cron task with
 * a bad expression whose refusal it fires as action {@code scheduled.refused}, then in a route {@code GET refused}.
 */
public final class ScheduledPlugin {

    private ScheduledPlugin() {}

    public static PluginJar jar() {
        return PluginJar.plugin("scheduled").manifest("Plugin-Class", "test.scheduled.Main")
                .source("test.scheduled.Main", """
                        package test.scheduled;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.hooks.*;
                        import io.plugboard.sdk.web.*;
                        import java.time.Duration;
                        public class Main extends PlugboardPlugin {
                            static final ActionHook<String> CRON = ActionHook.of("scheduled.cron", String.class);
                            static final ActionHook<String> ONE = ActionHook.of("scheduled.one", String.class);
                            private volatile String refused = "accepted";
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                PluginContext c = context();
                                c.scheduler().cron("each-second", "* * * * * ?", () -> c.hooks().doAction(CRON, "cron"));
                                c.scheduler().every("one", Duration.ofMillis(100), () -> c.hooks().doAction(ONE, "one"),
                                        Runs.ON_ONE_INSTANCE);
                                try {
                                    c.scheduler().cron("bad", "0 */5 * * *", () -> {});
                                } catch (IllegalArgumentException e) {
                                    refused = e.getMessage();
                                }
                                c.routes().get("/refused", r -> JsonResponse.ok("{\\"message\\":" + quote(refused) + "}"));
                            }
                            static String quote(String s) {
                                return "\\"" + s.replace("\\\\", "\\\\\\\\").replace("\\"", "\\\\\\"") + "\\"";
                            }
                        }
                        """);
    }
}
