package io.plugboard.host.plugins;

import io.plugboard.host.testing.PluginJar;

/** Recipes for plugin jars that misbehave in ways that used to take the host down. */
final class HostilePlugins {

    private HostilePlugins() {}

    /** A plugin whose {@code start()} prints {@code HANGING <id>} and then never returns, even when interrupted. */
    static PluginJar hangingStart(String id) {
        return withMain(id, """
                @Override public void start() {
                    System.out.println("HANGING %1$s");
                    System.out.flush();
                    for (;;) {
                        try { Thread.sleep(60_000); } catch (InterruptedException ignored) { }
                    }
                }
                """.formatted(id));
    }

    /** A plugin whose event type provider never returns, even when interrupted. */
    static PluginJar hangingProvider(String id) {
        return PluginJar.plugin(id).source("test." + id + ".Events", """
                package test.%1$s;
                import io.plugboard.sdk.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Events implements EventTypeProvider {
                    public List<EventType> eventTypes() {
                        for (;;) {
                            try { Thread.sleep(60_000); } catch (InterruptedException ignored) { }
                        }
                    }
                }
                """.formatted(id));
    }

    /** A plugin that starts, and whose {@code stop()} never returns. */
    static PluginJar hangingStop(String id) {
        return withMain(id, """
                @Override public void stop() {
                    for (;;) {
                        try { Thread.sleep(60_000); } catch (InterruptedException ignored) { }
                    }
                }
                """);
    }

    /**
     * A plugin whose {@code start()} runs into a real {@link OutOfMemoryError} (an array larger than
     * the JVM allows), counting its starts in the system property {@code test.<id>.starts}.
     */
    static PluginJar outOfMemory(String id) {
        return withMain(id, """
                @Override public void start() {
                    String key = "test.%1$s.starts";
                    System.setProperty(key, String.valueOf(Integer.getInteger(key, 0) + 1));
                    long[] huge = new long[Integer.MAX_VALUE];
                    System.out.println(huge.length);
                }
                """.formatted(id));
    }

    /** A plugin with a helper class whose never-called method contains {@code call}, e.g. {@code System.exit(3)}. */
    static PluginJar calling(String id, String call) {
        return PluginJar.plugin(id).source("test." + id + ".Quitter", """
                package test.%1$s;
                public class Quitter {
                    public static void quit() { %2$s; }
                }
                """.formatted(id, call));
    }

    private static PluginJar withMain(String id, String body) {
        return Plugins.good(id, id + "_event").manifest("Plugin-Class", "test." + id + ".Main")
                .source("test." + id + ".Main", """
                        package test.%1$s;
                        import io.plugboard.sdk.*;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            %2$s
                        }
                        """.formatted(id, body));
    }
}
