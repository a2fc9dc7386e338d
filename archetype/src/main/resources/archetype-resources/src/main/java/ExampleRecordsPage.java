package ${package};

import io.plugboard.sdk.InvalidEventException;
import io.plugboard.sdk.PluginContext;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.web.AdminPage;
import io.plugboard.sdk.web.FormResult;
import io.plugboard.sdk.web.PageRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An admin page with a form, at /admin/plugins/${pluginId}/records (with a menu entry "Records"): it lists
 * the records and adds one. Invalid input shows the page again (400) with the input kept and each error
 * next to its field; a valid submit stores the record and its event, then redirects back with a message.
 */
final class ExampleRecordsPage {

    /** A path inside the plugin's jar: src/main/resources/templates/records.hbs. */
    static final String TEMPLATE = "templates/records.hbs";

    private final PluginContext context;
    private final ExampleRecords records;

    ExampleRecordsPage(PluginContext context, ExampleRecords records) {
        this.context = context;
        this.records = records;
    }

    void register() {
        context.adminPages().add(AdminPage.builder("records", TEMPLATE)
                .title("Records")
                .menuLabel("Records")
                .model(request -> Map.of("records", records.all().stream().map(JsonObject::toJava).toList()))
                .onForm(this::add)
                .build());
    }

    private FormResult add(PageRequest request) {
        String title = request.param("title") == null ? "" : request.param("title").strip();
        int longest = context.settings().integer(ExamplePlugin.LONGEST_TITLE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isEmpty()) {
            errors.put("title", "Enter a title.");
        } else if (title.length() > longest) {
            errors.put("title", "Enter a title of at most " + longest + " characters.");
        }
        if (!errors.isEmpty()) {
            return FormResult.invalid(errors);           // the page again, 400, with the input and the errors
        }
        JsonObject data = JsonObject.of("example_id", "exm_" + UUID.randomUUID().toString().substring(0, 8),
                "title", title, "happened_at", Instant.now().toString());
        try {
            records.store(data);
        } catch (InvalidEventException e) {               // the schema refused it: nothing was stored
            return FormResult.invalid(Map.of("title", e.getMessage()));
        }
        return FormResult.done("Added \u201c" + title + "\u201d.");   // 303 back to the page, the message shown once
    }
}
