package io.plugboard.host.browser;

import io.plugboard.host.testing.PluginJar;

/**
 * The recipe of the browser tests' plugin {@code refunds}: the event type {@code refund_issued} (with a
 * sample), two settings (so it has a settings page) and an admin page with a labelled form (its error tied
 * to the field) and its menu entry, as a well-made plugin would have.
 */
final class RefundsPlugin {

    static final String ID = "refunds";
    static final String EVENT = "refund_issued";

    private RefundsPlugin() {}

    static PluginJar jar() {
        return PluginJar.plugin(ID).manifest("Plugin-Class", "test.refunds.Main")
                .manifest("Plugin-Description", "Refunds from the shop, as events")
                .resource("refunds/notes.hbs", """
                        <p>Notes on refunds, seen by <strong>{{who}}</strong>.</p>
                        <ul>{{#each notes}}<li class="note">{{this}}</li>{{else}}<li class="muted">No notes yet.</li>{{/each}}</ul>
                        <form method="post" action="/admin/plugins/{{pluginId}}/notes" class="form">
                          <input type="hidden" name="_csrf" value="{{csrf}}">
                          <div class="field{{#if form.errors.note}} invalid{{/if}}"><label for="note">Note</label>
                            <input id="note" name="note" value="{{form.values.note}}"{{#if form.errors.note}} aria-invalid="true" aria-describedby="note-error"{{/if}}>
                            {{#if form.errors.note}}<p class="error" id="note-error">{{form.errors.note}}</p>{{/if}}
                          </div>
                          <div class="form-actions"><button type="submit" class="primary">Add note</button></div>
                        </form>
                        """)
                .source("test.refunds.Events", """
                        package test.refunds;
                        import io.plugboard.sdk.*;
                        import java.util.List;
                        @org.pf4j.Extension
                        public class Events implements EventTypeProvider {
                            public List<EventType> eventTypes() {
                                return List.of(EventType.builder("refund_issued").name("Refund issued").group("Refunds")
                                        .description("A refund was paid back to a customer.")
                                        .sample("{\\"refund_id\\":\\"re_1\\",\\"amount\\":\\"5.00\\"}").build());
                            }
                        }
                        """)
                .source("test.refunds.Main", """
                        package test.refunds;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.settings.*;
                        import io.plugboard.sdk.web.*;
                        import java.util.*;
                        import java.util.concurrent.CopyOnWriteArrayList;
                        public class Main extends PlugboardPlugin {
                            private final List<String> notes = new CopyOnWriteArrayList<>();
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                PluginContext c = context();
                                c.settings().declare(List.of(
                                        Setting.builder("shop_url", SettingType.URL).label("Shop URL")
                                                .help("Where refunds are made.").build(),
                                        Setting.builder("api_key", SettingType.STRING).label("API key").secret().build(),
                                        Setting.builder("mode", SettingType.CHOICE).label("Mode").choices("all", "large only")
                                                .defaultValue("all").build()));
                                c.adminPages().add(AdminPage.builder("notes", "refunds/notes.hbs").title("Refund notes")
                                        .menuLabel("Refunds")
                                        .model(r -> Map.of("notes", notes, "who", r.user()))
                                        .onForm(r -> {
                                            String note = r.param("note");
                                            if (note == null || note.isBlank()) {
                                                return FormResult.invalid(Map.of("note", "Write a note first."));
                                            }
                                            notes.add(note);
                                            return FormResult.done("Noted.");
                                        }).build());
                            }
                        }
                        """);
    }
}
