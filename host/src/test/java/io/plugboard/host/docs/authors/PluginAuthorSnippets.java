package io.plugboard.host.docs.authors;

import io.plugboard.sdk.PlugboardPlugin;
import io.plugboard.sdk.PluginContext;
import io.plugboard.sdk.Runs;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.Hooks;
import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.settings.PluginSettings;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingReader;
import io.plugboard.sdk.settings.SettingType;
import io.plugboard.sdk.settings.SettingsSection;
import io.plugboard.sdk.web.AdminPage;
import io.plugboard.sdk.web.Caller;
import io.plugboard.sdk.web.FormResult;
import io.plugboard.sdk.web.JsonResponse;
import io.plugboard.sdk.web.RouteSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fragments of docs/plugin-authors.md (transactions, JSON values, hooks, settings, admin pages, JSON
 * routes, scheduled tasks), compiled as the plugin code they are: each region between {@code // snippet:NAME}
 * and {@code // end:NAME} is a code block of the document, word for word ({@code TestDocSnippets} compares
 * them). The methods are not run; the small helpers at the end stand for the plugin's own logic.
 */
@SuppressWarnings("unused")
final class PluginAuthorSnippets extends PlugboardPlugin {

    private final Refunds refunds = new Refunds();
    private long received;

    PluginAuthorSnippets(PluginContext context) {
        super(context);
    }

    void transactions(String invoiceId) {
        // snippet:transaction
        context().transaction(tx -> {
            tx.execute("UPDATE p_invoices_invoice SET paid = ? WHERE id = ?", true, invoiceId);
            tx.emit("invoice.paid", JsonObject.of("invoice_id", invoiceId));
        });

        String eventId = context().inTransaction(tx -> {              // the same, returning a value
            List<Boolean> paid = tx.query("SELECT paid FROM p_invoices_invoice WHERE id = ?",
                    row -> row.getBoolean(1), invoiceId);
            return paid.isEmpty() ? null : tx.emit("invoice.paid", JsonObject.of("invoice_id", invoiceId));
        });
        // end:transaction
    }

    void jsonValues(String text) {
        // snippet:json-values
        JsonObject payment = Json.parseObject(text);               // JsonException on bad text, with line and column
        String email = payment.string("customer.email");           // dotted paths; "items.0.sku" indexes an array
        BigDecimal amount = payment.decimal("amount");             // exact: 12.50 stays 12.50
        Optional<String> note = payment.optionalString("note");    // empty when missing or null

        JsonObject refund = JsonObject.builder()
                .put("payment_id", payment.string("id"))
                .put("amount", amount)
                .put("customer", JsonObject.of("email", email))
                .build();
        context().events().emit("payment_refunded", refund);
        String compact = refund.toJson();                          // {"payment_id":"pay_1","amount":12.50,…}
        // end:json-values
    }

    // snippet:hooks
    @Override
    public void start() {
        Hooks hooks = context().hooks();
        hooks.addAction(CoreHooks.EVENT_EMITTED, event ->
                context().logger().info("{} {} emitted by {}", event.type(), event.id(), event.source()));
        hooks.addFilter(CoreHooks.OUTGOING_PAYLOAD, 20, payload -> payload.eventType().equals("shipment_sent")
                        && payload.data().optionalString("carrier").orElse("").equals("DHL")
                ? payload.withData(payload.data().with("carrier", "DHL Express"))
                : payload);
        hooks.addFilter(CoreHooks.EVENT_TO_STORE, event -> event.type().equals("payment_refunded")
                && Json.parseObject(event.data()).optionalBool("test").orElse(false)
                ? event.veto("test refunds are not stored")           // the emit throws, the API answers 400
                : event);
    }
    // end:hooks

    void webhookFormFields() {
        // snippet:webhook-form-fields
        context().hooks().addFilter(CoreHooks.WEBHOOK_FORM, form -> form.withField(
                Setting.builder("jira_project", SettingType.STRING).label("Jira project").required().build(),
                Setting.builder("api_key", SettingType.STRING).label("API key").secret().build()));
        context().hooks().addFilter(CoreHooks.DELIVERY_SENDING, request -> {
            SettingReader values = context().webhookValues(request.webhookId());
            return values.optionalString("jira_project").map(p -> request.withHeader("X-Jira-Project", p)).orElse(request);
        });
        // end:webhook-form-fields
    }

    void settings() {
        // snippet:settings
        SettingsSection provider = SettingsSection.of("Payment provider", "How the plugin reaches your provider.");
        context().settings().declare(List.of(
                Setting.builder("statement_descriptor", SettingType.STRING).label("Statement descriptor")
                        .defaultValue("PLUGBOARD SHOP").help("Shown on the customer's bank statement.").build(),
                Setting.builder("api_key", SettingType.STRING).label("API key").required().secret().section(provider).build(),
                Setting.builder("endpoint", SettingType.URL).label("Endpoint").section(provider).build(),
                Setting.builder("batch_size", SettingType.INTEGER).defaultValue("50").range(1, 500).build(),
                Setting.builder("mode", SettingType.CHOICE).choices("live", "test").defaultValue("test").build()));

        PluginSettings settings = context().settings();
        String descriptor = settings.string("statement_descriptor");   // "PLUGBOARD SHOP" until the admin changes it
        int batch = settings.integer("batch_size");
        Optional<URI> endpoint = settings.optionalUrl("endpoint");      // empty until the admin enters one
        String apiKey = settings.secret("api_key");                    // throws SettingAccessException until entered
        settings.onChange(changedKeys -> reconnect());
        // end:settings
    }

    void adminPage() {
        // snippet:admin-page
        context().adminPages().add(AdminPage.builder("refunds", "templates/refunds.hbs")
                .title("Refunds")
                .menuLabel("Refunds")                                    // adds an admin menu entry
                .model(request -> Map.of("recent", refunds.recent()))    // the template's values
                .onForm(request -> {                                     // a form posted to the page
                    Map<String, String> errors = new LinkedHashMap<>();
                    if (request.param("payment_id") == null || request.param("payment_id").isBlank()) {
                        errors.put("payment_id", "Enter the payment's id.");
                    }
                    if (!isAmount(request.param("amount"))) {
                        errors.put("amount", "Enter an amount above 0, such as 12.50.");
                    }
                    if (!errors.isEmpty()) {
                        return FormResult.invalid(errors);               // the page again, 400, input kept
                    }
                    refund(request.param("payment_id"), request.param("amount"), request.params("notify"));
                    return FormResult.done("Refund started.");           // 303 back, message shown once
                })
                .build());
        // end:admin-page
    }

    void routes() {
        // snippet:routes
        context().routes().get("/counts", request -> JsonResponse.ok(JsonObject.of("received", received)));
        context().routes().get("/payments", request -> JsonResponse.ok(
                        list(request.queryParams("status"), request.intQueryParam("limit", 20, 1, 100)))
                .withHeader("Cache-Control", "no-store"));
        context().routes().get("/payments/{id}", request -> lookup(request.pathParam("id"))
                .map(JsonResponse::ok)
                .orElseGet(() -> JsonResponse.error(404, "no such payment")));
        context().routes().add(RouteSpec.post("/refunds").scope("admin"), request -> {
            JsonObject refund = request.json().asObject();         // 400 with the parser's message if not JSON
            String id = startRefund(refund.string("payment_id"), refund.decimal("amount"), request.caller().name());
            return JsonResponse.of(202, JsonObject.of("refund_id", id))
                    .withHeader("Location", "/api/v1/plugins/payments/refunds/" + id);
        });
        context().routes().add(RouteSpec.get("/exports").allow(c -> c.kind() == Caller.Kind.TOKEN,
                "exports are for API tokens"), request -> export());
        // end:routes
    }

    void scheduledTask() {
        // snippet:scheduler
        context().scheduler().every("refresh-rates", Duration.ofMinutes(15), this::refreshRates);
        // end:scheduler
    }

    void scheduledTaskOptions() {
        // snippet:scheduler-options
        // One instance of the cluster fetches; every instance would call the provider for the same rates.
        context().scheduler().every("fetch-rates", Duration.ofMinutes(15), this::refreshRates, Runs.ON_ONE_INSTANCE);
        // Quartz cron: second minute hour day-of-month month day-of-week, here 02:30 on weekdays, Berlin time.
        context().scheduler().cron("nightly-rates", "0 30 2 ? * MON-FRI", ZoneId.of("Europe/Berlin"),
                this::refreshRates, Runs.ON_ONE_INSTANCE);
        // end:scheduler-options
    }

    // What the snippets call: the plugin's own logic, not part of the document.

    private record Refunds() {
        List<Map<String, String>> recent() { return List.of(Map.of("id", "re_1", "amount", "12.50")); }
    }

    private static boolean isAmount(String text) {
        return text != null && text.matches("[0-9]{1,7}(\\.[0-9]{2})?") && new BigDecimal(text).signum() > 0;
    }

    private void refund(String paymentId, String amount, List<String> notify) {}

    private String startRefund(String paymentId, BigDecimal amount, String by) { return "re_1"; }

    private JsonObject list(List<String> statuses, int limit) { return JsonObject.of("payments", List.of()); }

    private Optional<JsonObject> lookup(String id) { return Optional.empty(); }

    private JsonResponse export() { return JsonResponse.ok(JsonObject.of()); }

    private void refreshRates() {}

    private void reconnect() {}
}
