package io.plugboard.plugins.azuremonitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Receives Azure Monitor alerts sent by an action group's webhook action with the common alert schema:
 * one {@code alert_firing} (Fired) or {@code alert_resolved} (Resolved) in the shared alert model, with
 * {@code azure-monitor:<alertId>} as the alert key and the alert id and condition as the external id.
 * Azure signs nothing and a plain webhook action cannot add headers, so the URL's access key is the
 * only credential; the "secure webhook" (Microsoft Entra ID tokens) is not supported.
 */
@Extension
public class AzureMonitorReceiver implements Receiver {

    static final String COMMON_SCHEMA = "azureMonitorCommonAlertSchema";

    private final ReceiverJson json = ReceiverJson.strict();

    @Override
    public String id() {
        return "azure-monitor";
    }

    @Override
    public String name() {
        return "Azure Monitor";
    }

    @Override
    public String description() {
        return "Azure Monitor alerts from an action group's webhook, in the common alert schema: one alert_firing "
                + "(Fired) or alert_resolved (Resolved) event per alert, in the shared alert model (docs/alerts.md).";
    }

    /** No settings: the URL's access key is the credential, and the common schema needs no choices. */
    @Override
    public void verify(Map<String, String> settings) {}

    @Override
    public ReceiveResult parse(InboundRequest request) {
        JsonNode body = json.readBody(request.body());
        if (body == null || !body.isObject()) {
            throw new UnparseableRequestException("the body must be an Azure Monitor alert, a JSON object");
        }
        String schemaId = body.path("schemaId").asText("");
        if (!schemaId.equals(COMMON_SCHEMA)) {
            throw new UnparseableRequestException("only the common alert schema is understood (schemaId \""
                    + COMMON_SCHEMA + "\"), not " + (schemaId.isEmpty() ? "a body without schemaId" : "\"" + schemaId + "\"")
                    + ": in the action group, edit this webhook action and turn on \"Enable the common alert schema\"");
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw new UnparseableRequestException("data must be an object");
        }
        ReceivedEvent event = CommonAlert.of(data).event(json);
        JsonNode essentials = data.get("essentials");
        String externalId = essentials.get("alertId").textValue() + ":" + essentials.get("monitorCondition").textValue();
        if (externalId.length() > ReceivedEvent.MAX_EXTERNAL_ID) {
            throw new UnparseableRequestException("data.essentials.alertId is too long: at most "
                    + (ReceivedEvent.MAX_EXTERNAL_ID - ":Resolved".length()) + " characters are accepted");
        }
        return ReceiveResult.events(List.of(event.withExternalId(externalId)));
    }
}
