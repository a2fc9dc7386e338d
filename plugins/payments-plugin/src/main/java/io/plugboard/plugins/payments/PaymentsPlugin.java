package io.plugboard.plugins.payments;

import io.plugboard.sdk.PlugboardPlugin;
import io.plugboard.sdk.PluginContext;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.OutgoingPayload;
import io.plugboard.sdk.json.JsonArray;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.json.JsonObjectBuilder;
import io.plugboard.sdk.settings.PluginSettings;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import io.plugboard.sdk.web.AdminPage;
import io.plugboard.sdk.web.JsonResponse;
import java.util.List;
import java.util.Map;

/**
 * The payments plugin's main class. Its event types come from {@link PaymentEvents}; here it shows the
 * rest of the SDK: settings, a filter on the outgoing payload (adds the statement descriptor, can hide
 * the customer's e-mail), an action on every emitted event, an admin page and JSON routes.
 */
public class PaymentsPlugin extends PlugboardPlugin {

    private final RecentPayments recent = new RecentPayments();

    public PaymentsPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        PluginContext c = context();
        c.settings().declare(List.of(
                Setting.builder("statement_descriptor", SettingType.STRING).label("Statement descriptor")
                        .defaultValue("PLUGBOARD SHOP")
                        .help("Added to every outgoing payment event as statement_descriptor; blank adds nothing.").build(),
                Setting.builder("redact_customer_email", SettingType.BOOLEAN).label("Hide customers' e-mail addresses")
                        .help("Webhooks receive \"[redacted]\" instead of the customer's e-mail.").build(),
                Setting.builder("provider_api_key", SettingType.STRING).label("Payment provider API key").secret()
                        .help("Stored for the plugin; never shown again once saved.").build()));
        c.hooks().addFilter(CoreHooks.OUTGOING_PAYLOAD, this::filter);
        c.hooks().addAction(CoreHooks.EVENT_EMITTED, event -> {
            if (event.type().startsWith("payment_")) {
                recent.record(event);
            }
        });
        c.adminPages().add(AdminPage.builder("recent", "templates/payments.hbs").title("Recent payments")
                .menuLabel("Payments")
                .model(request -> Map.of("recent", recent.recent(), "counts", recent.counts(),
                        "descriptor", c.settings().string("statement_descriptor")))
                .build());
        c.routes().get("/counts", request -> JsonResponse.ok(counts()));
        // ?limit=abc or ?limit=99 answers 400 naming the parameter; the list changes with every payment.
        c.routes().get("/recent", request -> JsonResponse.ok(recent(request.intQueryParam("limit", 20, 1, 20)))
                .withHeader("Cache-Control", "no-store"));
        c.logger().info("Payments plugin {} started on Plugboard {}", c.pluginVersion(), c.hostVersion());
    }

    private OutgoingPayload filter(OutgoingPayload payload) {
        if (!payload.eventType().startsWith("payment_")) {
            return payload;
        }
        PluginSettings settings = context().settings();
        JsonObject data = payload.data();
        if (settings.bool("redact_customer_email")) {
            data = Redaction.replaceStrings(data, "email", "[redacted]");
        }
        String descriptor = settings.string("statement_descriptor");
        if (!descriptor.isBlank()) {
            // First, so it is the first thing a reader of the payload sees.
            data = JsonObject.builder().put("statement_descriptor", descriptor)
                    .putAll(data.without("statement_descriptor")).build();
        }
        return payload.withData(data);
    }

    private JsonArray recent(int limit) {
        return JsonArray.from(recent.recent().stream().limit(limit)
                .map(p -> JsonObject.of("id", p.id(), "type", p.type(), "at", p.at())).toList());
    }

    private JsonObject counts() {
        JsonObjectBuilder json = JsonObject.builder();
        recent.counts().forEach(c -> json.put(c.type(), c.count()));
        return json.build();
    }
}
