#set( $tableName = "p_${pluginId.replaceAll('[^a-z0-9]', '_')}_records" )
package ${package};

import io.plugboard.sdk.InvalidEventException;
import io.plugboard.sdk.PluginContext;
import io.plugboard.sdk.json.JsonArray;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.web.JsonRequest;
import io.plugboard.sdk.web.JsonResponse;
import java.util.List;

/**
 * The plugin's JSON routes, under /api/v1/plugins/${pluginId}/ (behind the host's API authentication):
 * POST /records stores a record in the plugin's own table and emits its event in one transaction, so
 * there is never one without the other; GET /records lists the records.
 */
final class ExampleRecords {

    /** The plugin's table, made by src/main/resources/plugboard/migrations/V1__create_records.sql. */
    static final String TABLE = "${tableName}";

    private final PluginContext context;

    ExampleRecords(PluginContext context) {
        this.context = context;
    }

    void register() {
        context.routes().post("/records", this::add);
        context.routes().get("/records", this::list);
    }

    private JsonResponse add(JsonRequest request) {
        JsonObject data = request.json().asObject();        // not a JSON object: 400 with the parser's message
        String title = data.string("title");                 // missing: 400 "title is missing"
        int longest = context.settings().integer(ExamplePlugin.LONGEST_TITLE);
        if (title.length() > longest) {
            throw new IllegalArgumentException("title is longer than " + longest + " characters");   // 400
        }
        try {
            return JsonResponse.of(201, JsonObject.of("event_id", store(data)));
        } catch (InvalidEventException e) {
            return JsonResponse.error(400, e.getMessage());
        }
    }

    /**
     * Stores the record and emits its event in one transaction; returns the event's id. Throws
     * InvalidEventException (and stores nothing) when the schema refuses the data.
     */
    String store(JsonObject data) {
        return context.inTransaction(tx -> {
            tx.execute("INSERT INTO " + TABLE + " (example_id, title, created_at) VALUES (?, ?, ?)",
                    data.string("example_id"), data.string("title"), System.currentTimeMillis());
            // Checked against the schema: a refused event throws, and the row above is rolled back.
            return tx.emit(ExampleEvents.EXAMPLE, data);
        });
    }

    /** The stored records, oldest first, as {"example_id": …, "title": …} objects. */
    List<JsonObject> all() {
        return context.inTransaction(tx -> tx.query(
                "SELECT example_id, title FROM " + TABLE + " ORDER BY created_at, example_id",
                row -> JsonObject.of("example_id", row.getString(1), "title", row.getString(2))));
    }

    private JsonResponse list(JsonRequest request) {
        return JsonResponse.ok(JsonObject.of("greeting", context.settings().string(ExamplePlugin.GREETING),
                "records", JsonArray.from(all())));
    }
}
