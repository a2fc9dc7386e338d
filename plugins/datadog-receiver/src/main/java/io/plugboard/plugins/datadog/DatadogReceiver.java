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
        return SharedSecret.settings("put it in the Datadog webhook's custom headers",
                "The custom header that carries the secret.");
    }

    @Override
    public void verify(Map<String, String> settings) {
        Map<String, String> wrong = new LinkedHashMap<>(SharedSecret.problems(settings));
        if (!wrong.isEmpty()) {
            throw new InvalidSettingsException(wrong);
        }
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        SharedSecret.requireConfigured(request);
        JsonNode body = json.readBody(request.body());
        if (body == null || !body.isObject()) {
            throw new UnparseableRequestException("the body must be a JSON object, the payload template in the docs");
        }
        return ReceiveResult.events(List.of(notifications.event(body)));
    }
}
