package io.plugboard.host.plugins;

import io.plugboard.host.testing.PluginJar;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Recipes for the test plugin jars: small Java sources compiled against the SDK. */
final class Plugins {

    private Plugins() {}

    /** A plugin with one provider contributing the given keys, each with a sample and a schema. */
    static PluginJar good(String id, String... keys) {
        String pkg = "test." + id;
        String types = Arrays.stream(keys).map(k -> """
                EventType.builder("%1$s").name("%1$s").group("%2$s").description("d")
                    .sample("{\\"id\\":\\"%1$s-1\\"}")
                    .schema("{\\"type\\":\\"object\\",\\"required\\":[\\"id\\"]}").build()"""
                .formatted(k, capitalize(id))).collect(Collectors.joining(",\n"));
        return PluginJar.plugin(id).source(pkg + ".Events", """
                package %s;
                import io.plugboard.sdk.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Events implements EventTypeProvider {
                    public List<EventType> eventTypes() { return List.of(%s); }
                }
                """.formatted(pkg, types));
    }

    /**
     * A plugin whose main class takes the context and, when started, emits an event of its own type;
     * it throws (failing its start) unless an unknown type is refused.
     */
    static PluginJar withMainClass(String id, String key) {
        return good(id, key).manifest("Plugin-Class", "test." + id + ".Main").source("test." + id + ".Main", """
                package test.%1$s;
                import io.plugboard.sdk.*;
                public class Main extends PlugboardPlugin {
                    public Main(PluginContext context) { super(context); }
                    @Override public void start() {
                        context().logger().info("{} starting on host {}", context().pluginId(), context().hostVersion());
                        context().events().emit("%2$s", java.util.Map.of("id", "from-start"));
                        try {
                            context().events().emit("no_such_type", java.util.Map.of());
                            throw new IllegalStateException("an unknown type must be refused");
                        } catch (InvalidEventException expected) { }
                    }
                }
                """.formatted(id, key));
    }

    static PluginJar throwingStart(String id) {
        return good(id, id + "_event").manifest("Plugin-Class", "test." + id + ".Main").source("test." + id + ".Main", """
                package test.%1$s;
                import io.plugboard.sdk.*;
                public class Main extends PlugboardPlugin {
                    public Main(PluginContext context) { super(context); }
                    @Override public void start() { throw new IllegalStateException("the database of %1$s is on fire"); }
                }
                """.formatted(id));
    }

    static PluginJar throwingProvider(String id) {
        return PluginJar.plugin(id).source("test." + id + ".Events", """
                package test.%s;
                import io.plugboard.sdk.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Events implements EventTypeProvider {
                    public List<EventType> eventTypes() { throw new RuntimeException("provider exploded"); }
                }
                """.formatted(id));
    }

    static PluginJar badSample(String id) {
        return PluginJar.plugin(id).source("test." + id + ".Events", """
                package test.%1$s;
                import io.plugboard.sdk.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Events implements EventTypeProvider {
                    public List<EventType> eventTypes() {
                        return List.of(
                            EventType.builder("%1$s_event").name("n").sample("{\\"amount\\":\\"x\\"}")
                                .schema("{\\"type\\":\\"object\\",\\"properties\\":{\\"amount\\":{\\"type\\":\\"number\\"}}}").build(),
                            EventType.builder("%1$s_notjson").name("n").sample("{not json").build(),
                            EventType.builder("%1$s_ok").name("n").sample("{}").build());
                    }
                }
                """.formatted(id));
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
