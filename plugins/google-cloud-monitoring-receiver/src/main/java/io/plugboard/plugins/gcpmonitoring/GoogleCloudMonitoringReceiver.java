package io.plugboard.plugins.gcpmonitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
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
 * Receives Google Cloud Monitoring's webhook notifications (schema version 1.2): one {@code alert_firing}
 * (incident open) or {@code alert_resolved} (closed) in the shared alert model, with
 * {@code google-cloud-monitoring:<incident_id>} as the alert key and the incident id and state as the
 * external id, so a retried notification is emitted once. The URL's access key is the credential (a
 * "token authentication" channel); a "basic authentication" channel adds the optional username and secret.
 */
@Extension
public class GoogleCloudMonitoringReceiver implements Receiver {

    static final String USERNAME = "username";
    static final String SECRET = "secret";

    private final ReceiverJson json = ReceiverJson.strict();

    @Override
    public String id() {
        return "google-cloud-monitoring";
    }

    @Override
    public String name() {
        return "Google Cloud Monitoring";
    }

    @Override
    public String description() {
        return "Cloud Monitoring webhook notifications (schema 1.2): one alert_firing (incident open) or "
                + "alert_resolved (closed) event per notification, in the shared alert model (docs/alerts.md).";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.builder(USERNAME, SettingType.STRING).label("Basic auth username")
                        .help("Only for a \"Webhook with basic authentication\" channel: its username. "
                                + "Leave empty for a token-authentication channel (the URL's key is the credential).")
                        .build(),
                Setting.builder(SECRET, SettingType.STRING).label("Basic auth password").secret()
                        .help("The basic-authentication channel's password; required with a username.")
                        .build());
    }

    @Override
    public void verify(Map<String, String> settings) {
        String username = settings.getOrDefault(USERNAME, "");
        String secret = settings.getOrDefault(SECRET, "");
        Map<String, String> problems = new LinkedHashMap<>();
        if (username.contains(":")) {
            problems.put(USERNAME, "must not contain ':' (HTTP Basic authentication cannot carry it)");
        }
        if (!username.isEmpty() && secret.isEmpty()) {
            problems.put(SECRET, "is required with a username: the basic-authentication channel's password");
        }
        if (username.isEmpty() && !secret.isEmpty()) {
            problems.put(USERNAME, "is required with a secret: the basic-authentication channel's username");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        BasicCredentials.check(request, request.setting(USERNAME), request.setting(SECRET));
        JsonNode body = json.readBody(request.body());
        if (body == null || !body.isObject()) {
            throw new UnparseableRequestException("the body must be a Cloud Monitoring notification, a JSON object");
        }
        String version = body.path("version").asText("");
        if (!version.equals("1.2")) {
            throw new UnparseableRequestException("only Cloud Monitoring's webhook schema version \"1.2\" is "
                    + "understood, not \"" + version + "\"");
        }
        JsonNode incident = body.get("incident");
        if (incident == null || !incident.isObject()) {
            throw new UnparseableRequestException("incident must be an object");
        }
        ReceivedEvent event = IncidentAlert.of(incident).event(json);
        String externalId = incident.get("incident_id").textValue() + ":" + incident.get("state").textValue();
        if (externalId.length() > ReceivedEvent.MAX_EXTERNAL_ID) {
            throw new UnparseableRequestException("incident.incident_id is too long: at most "
                    + (ReceivedEvent.MAX_EXTERNAL_ID - ":closed".length()) + " characters are accepted");
        }
        return ReceiveResult.events(List.of(event.withExternalId(externalId)));
    }
}
