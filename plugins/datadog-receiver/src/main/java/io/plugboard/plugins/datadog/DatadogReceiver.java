package io.plugboard.plugins.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.plugins.receiversupport.SharedSecret;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Receives Datadog monitor notifications from its webhook integration, with the payload template
 * docs/plugins/datadog-receiver.md recommends: one {@code alert_firing} or {@code alert_resolved} event
 * each, in the shared alert model with {@code datadog:<alert cycle key>} as the alert key. The webhook's
 * custom headers carry a shared secret, checked on top of the URL's access key.
 */
@Extension
public class DatadogReceiver implements Receiver {

    static final String SECRET = "secret";
    static final String HEADER = "header_name";
    static final String DEFAULT_HEADER = "X-Plugboard-Secret";
    /** Long enough that guessing it is hopeless; the docs show how to generate one. */
    static final int MIN_SECRET = 16;

    private final ReceiverJson json = ReceiverJson.strict();
    private final DatadogNotification notifications = new DatadogNotification(json);

    @Override
    public String id() {
        return "datadog";
    }

    @Override
    public String name() {
        return "Datadog";
    }

    @Override
    public String description() {
        return "Datadog monitor notifications from its webhook integration (payload template in the docs): one "
                + "alert_firing or alert_resolved event each, in the shared alert model (docs/alerts.md); a secret header is checked.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.builder(SECRET, SettingType.STRING).label("Shared secret").required().secret()
                        .help("At least " + MIN_SECRET + " characters; put it in the Datadog webhook's custom headers.").build(),
                Setting.builder(HEADER, SettingType.STRING).label("Secret header").defaultValue(DEFAULT_HEADER)
                        .help("The custom header that carries the secret.").build());
    }

    @Override
    public void verify(Map<String, String> settings) {
        Map<String, String> wrong = new LinkedHashMap<>();
        if (settings.getOrDefault(SECRET, "").strip().length() < MIN_SECRET) {
            wrong.put(SECRET, "must be at least " + MIN_SECRET + " characters (e.g. openssl rand -hex 32)");
        }
        if (!SharedSecret.isHeaderName(settings.getOrDefault(HEADER, DEFAULT_HEADER))) {
            wrong.put(HEADER, "must be an HTTP header name (letters, digits, '-'), e.g. " + DEFAULT_HEADER);
        }
        if (!wrong.isEmpty()) {
            throw new InvalidSettingsException(wrong);
        }
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        String header = request.setting(HEADER).isEmpty() ? DEFAULT_HEADER : request.setting(HEADER);
        SharedSecret.requireHeader(request, header, request.setting(SECRET).strip());
        JsonNode body = json.readBody(request.body());
        if (body == null || !body.isObject()) {
            throw new UnparseableRequestException("the body must be a JSON object, the payload template in the docs");
        }
        return ReceiveResult.events(List.of(notifications.event(body)));
    }
}
