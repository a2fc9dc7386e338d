package io.plugboard.host.plugins;

import io.plugboard.host.testing.PluginJar;

/**
 * The recipe of the test plugin {@code observer}: it adds a callback to every core hook and records
 * what it sees, filters outgoing {@code order_placed} data (adding its {@code tag} setting), declares
 * settings of every type, adds an admin page with a form, JSON routes, and a task that fires its own
 * action {@code observer.tick} every 100 ms. {@code GET /api/v1/plugins/observer/seen} lists what it saw.
 */
public final class Observer {

    private Observer() {}

    public static PluginJar jar() {
        return PluginJar.plugin("observer").manifest("Plugin-Class", "test.observer.Main")
                .resource("observer/report.hbs", """
                        <p>Seen <span id="count">{{count}}</span> things; viewed by <span id="who">{{who}}</span>.</p>
                        <ul>{{#each notes}}<li class="note">{{this}}</li>{{/each}}</ul>
                        <form method="post" action="/admin/plugins/{{pluginId}}/report">
                          <input type="hidden" name="_csrf" value="{{csrf}}"><input name="note"><button>Add</button>
                        </form>
                        """)
                .source("test.observer.Main", """
                        package test.observer;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.hooks.*;
                        import io.plugboard.sdk.settings.*;
                        import io.plugboard.sdk.web.*;
                        import java.time.Duration;
                        import java.util.*;
                        import java.util.concurrent.CopyOnWriteArrayList;
                        public class Main extends PlugboardPlugin {
                            static final SettingsSection CONNECTION = SettingsSection.of("Connection", "Where the observer reports.");
                            static final SettingsSection TUNING = SettingsSection.of("Tuning");
                            static final ActionHook<String> TICK = ActionHook.of("observer.tick", String.class);
                            private final List<String> seen = new CopyOnWriteArrayList<>();
                            private final List<String> notes = new CopyOnWriteArrayList<>();
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                PluginContext c = context();
                                Hooks h = c.hooks();
                                h.addAction(CoreHooks.EVENT_EMITTED, e -> seen.add("emitted:" + e.type() + ":" + e.source()));
                                h.addAction(CoreHooks.WEBHOOK_CREATED, w -> seen.add("webhook_created:" + w.name()));
                                h.addAction(CoreHooks.WEBHOOK_UPDATED, w -> seen.add("webhook_updated:" + w.name()));
                                h.addAction(CoreHooks.WEBHOOK_DELETED, w -> seen.add("webhook_deleted:" + w.name()));
                                h.addAction(CoreHooks.DELIVERY_SUCCEEDED,
                                        d -> seen.add("delivery_succeeded:" + d.eventType() + ":" + d.responseStatus()));
                                h.addAction(CoreHooks.DELIVERY_FAILED,
                                        d -> seen.add("delivery_failed:" + d.eventType() + ":" + d.attempts()));
                                h.addAction(CoreHooks.PLUGIN_ACTIVATED, p -> seen.add("plugin_activated:" + p.id()));
                                h.addAction(CoreHooks.PLUGIN_DEACTIVATED, p -> seen.add("plugin_deactivated:" + p.id()));
                                h.addFilter(CoreHooks.OUTGOING_PAYLOAD, p -> p.eventType().equals("order_placed")
                                        ? p.withData("{\\"tag\\":" + quote(c.settings().string("tag")) + "," + p.dataJson().substring(1))
                                        : p);
                                c.settings().declare(List.of(
                                        Setting.builder("tag", SettingType.STRING).label("Tag").defaultValue("observed")
                                                .help("Added to outgoing orders.").build(),
                                        Setting.builder("api_key", SettingType.STRING).label("API key").required().secret()
                                                .section(CONNECTION).build(),
                                        Setting.builder("limit", SettingType.INTEGER).label("Limit").defaultValue("10")
                                                .range(1, 100).section(TUNING).build(),
                                        Setting.builder("verbose", SettingType.BOOLEAN).label("Verbose").section(TUNING).build(),
                                        Setting.builder("mode", SettingType.CHOICE).label("Mode").choices("fast", "safe")
                                                .defaultValue("safe").build(),
                                        Setting.builder("callback", SettingType.URL).label("Callback URL").section(CONNECTION).build(),
                                        Setting.builder("notes", SettingType.TEXT).label("Notes").build()));
                                c.settings().onChange(keys -> seen.add("settings_changed:" + new TreeSet<>(keys)));
                                c.adminPages().add(AdminPage.builder("report", "observer/report.hbs").title("Observer report")
                                        .menuLabel("Observer")
                                        .model(r -> Map.of("count", seen.size(), "notes", notes, "who", r.user()))
                                        .onSubmit(r -> {
                                            String note = r.param("note");
                                            if (note == null || note.isBlank()) {
                                                throw new IllegalArgumentException("a note is required");
                                            }
                                            notes.add(note);
                                            return "Noted.";
                                        }).build());
                                try {
                                    c.adminPages().add(AdminPage.builder("settings", "observer/report.hbs").build());
                                    seen.add("reserved page accepted");
                                } catch (IllegalArgumentException e) { seen.add("reserved page refused"); }
                                try {
                                    c.routes().get("/activate", r -> JsonResponse.ok("{}"));
                                    seen.add("reserved route accepted");
                                } catch (IllegalArgumentException e) { seen.add("reserved route refused"); }
                                c.routes().get("/reads", r -> JsonResponse.ok(json(reads(c.settings()))));
                                c.routes().get("/seen", r -> JsonResponse.ok(json(seen)));
                                c.routes().get("/items/{id}", r -> JsonResponse.ok("{\\"id\\":" + quote(r.pathParam("id"))
                                        + ",\\"q\\":" + quote(String.valueOf(r.queryParam("q"))) + "}"));
                                c.routes().post("/echo", r -> new JsonResponse(201, r.body()));
                                c.routes().get("/boom", r -> { throw new IllegalStateException("kaput"); });
                                c.routes().get("/bad", r -> { throw new IllegalArgumentException("the id is malformed"); });
                                c.routes().get("/notjson", r -> JsonResponse.ok("<html>"));
                                c.scheduler().every("tick", Duration.ofMillis(100), () -> c.hooks().doAction(TICK, "tick"));
                            }
                            static List<String> reads(PluginSettings s) {
                                List<String> out = new ArrayList<>();
                                out.add("tag=" + s.string("tag"));
                                out.add("limit=" + s.integer("limit") + "/" + s.longValue("limit") + "/" + s.optionalInteger("limit").orElse(-1));
                                out.add("verbose=" + s.bool("verbose"));
                                out.add("mode=" + s.choice("mode"));
                                out.add("callback=" + s.optionalUrl("callback").map(Object::toString).orElse("none"));
                                out.add("api_key=" + s.optionalSecret("api_key").map(v -> "set").orElse("none"));
                                out.add("notes=" + s.optionalString("notes").map(v -> v.replace('\\n', '|')).orElse("none"));
                                for (String k : List.of("string:limit", "string:api_key", "secret:tag", "string:nope", "secret:api_key", "url:callback")) {
                                    String[] p = k.split(":");
                                    try {
                                        Object v = switch (p[0]) { case "string" -> s.string(p[1]); case "secret" -> s.secret(p[1]); default -> s.url(p[1]); };
                                        out.add(k + "=" + (p[0].equals("secret") ? "set" : v));
                                    } catch (SettingAccessException e) { out.add(k + "! " + e.getMessage()); }
                                }
                                return out;
                            }
                            static String quote(String s) {
                                return "\\"" + s.replace("\\\\", "\\\\\\\\").replace("\\"", "\\\\\\"") + "\\"";
                            }
                            static String json(List<String> list) {
                                StringJoiner j = new StringJoiner(",", "[", "]");
                                list.forEach(s -> j.add(quote(s)));
                                return j.toString();
                            }
                        }
                        """);
    }
}
