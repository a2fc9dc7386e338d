package io.plugboard.plugins.standardwebhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.sdk.WebhookVerifier;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.InvalidSettingsException;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Receives Standard Webhooks, such as another Plugboard's deliveries: checks the signature with the
 * sender's secret, then emits the envelope's {@code type} with its {@code data}. The {@code webhook-id}
 * becomes the event's external id, so a sender's retry is not emitted twice. The type must be
 * registered in this host too (by a plugin or the application).
 */
@Extension
public class StandardWebhooksReceiver implements Receiver {

    static final String SECRET = "secret";

    private final ReceiverJson json = ReceiverJson.strictWithExactNumbers();

    @Override
    public String id() {
        return "standard-webhooks";
    }

    @Override
    public String name() {
        return "Standard Webhooks";
    }

    @Override
    public String description() {
        return "Signed webhooks in the Standard Webhooks format, e.g. from another Plugboard: the signature and "
                + "timestamp (5 minutes) are checked, then the envelope's type and data are emitted.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.builder(SECRET, SettingType.STRING).label("Signing secret").required().secret()
                .help("The sender's signing secret, whsec_ followed by base64 (on Plugboard: the webhook's edit page).")
                .build());
    }

    @Override
    public void verify(Map<String, String> settings) {
        try {
            WebhookSecret.key(settings.get(SECRET));
        } catch (IllegalArgumentException e) {
            throw InvalidSettingsException.of(SECRET, e.getMessage());
        }
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        String messageId = WebhookVerifier.forKey(WebhookSecret.key(request.setting(SECRET))).verify(
                header(request, "webhook-id"), header(request, "webhook-timestamp"),
                header(request, "webhook-signature"), request.body(), request.receivedAt(),
                WebhookVerifier.DEFAULT_TOLERANCE);
        if (messageId.length() > ReceivedEvent.MAX_EXTERNAL_ID) {
            throw new UnparseableRequestException("webhook-id is " + messageId.length() + " characters long; at most "
                    + ReceivedEvent.MAX_EXTERNAL_ID + " are accepted");
        }
        JsonNode envelope = json.readBody(request.body());
        if (envelope == null || !envelope.isObject()) {
            throw new UnparseableRequestException("the body must be a JSON object with type and data");
        }
        JsonNode type = envelope.get("type");
        if (type == null || !type.isTextual() || type.textValue().isBlank()) {
            throw new UnparseableRequestException("the envelope's type must be a non-empty string");
        }
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            throw new UnparseableRequestException("the envelope's data must be a JSON object");
        }
        ReceivedEvent event = ReceivedEvent.of(type.textValue(), json.write(data)).withExternalId(messageId);
        Instant at = timestamp(envelope.get("timestamp"));
        return ReceiveResult.events(List.of(at == null ? event : event.withOccurredAt(at)));
    }

    private static String header(InboundRequest request, String name) {
        return request.header(name).orElse(null);
    }

    private static Instant timestamp(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
