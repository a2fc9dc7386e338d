package io.plugboard.plugins.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Receives Grafana (unified alerting) webhook contact point notifications, payload version 1: one
 * {@code alert_firing} or {@code alert_resolved} event per alert, in the shared alert model with
 * {@code grafana:<fingerprint>} as the alert key. Optionally checks the contact point's Authorization
 * header (Bearer or Basic), on top of the URL's access key.
 */
@Extension
public class GrafanaReceiver implements Receiver {

    private final ReceiverJson json = ReceiverJson.strict();
    private final GrafanaAlert alerts = new GrafanaAlert(json);

    @Override
    public String id() {
        return "grafana";
    }

    @Override
    public String name() {
        return "Grafana";
    }

    @Override
    public String description() {
        return "Grafana alerting webhook contact point notifications (version 1): one alert_firing or alert_resolved "
                + "event per alert, in the shared alert model (docs/alerts.md); optionally checks a Bearer or Basic credential.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.builder(GrafanaAuth.SCHEME, SettingType.CHOICE).label("Authorization check")
                        .choices(GrafanaAuth.NONE, GrafanaAuth.BEARER, GrafanaAuth.BASIC).defaultValue(GrafanaAuth.NONE)
                        .help("none: the URL's access key only. bearer: the contact point's Authorization header "
                                + "(scheme Bearer) must hold the secret. basic: its basic auth user and password must be "
                                + "username and the secret.").build(),
                Setting.builder(GrafanaAuth.SECRET, SettingType.STRING).label("Secret").secret()
                        .help("The Bearer credentials, or the basic auth password, set in the contact point.").build(),
                Setting.builder(GrafanaAuth.USERNAME, SettingType.STRING).label("Basic auth user")
                        .help("With auth_scheme basic: the contact point's basic auth user.").build());
    }

    @Override
    public void verify(Map<String, String> settings) {
        GrafanaAuth.verify(settings);
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        GrafanaAuth.check(request);
        JsonNode body = json.readBody(request.body());
        if (body == null || !body.isObject()) {
            throw new UnparseableRequestException("the body must be a Grafana webhook notification, a JSON object");
        }
        String version = body.path("version").asText("");
        if (!version.equals("1")) {
            throw new UnparseableRequestException("only Grafana's webhook payload version \"1\" is understood, not \""
                    + version + "\"");
        }
        JsonNode list = body.get("alerts");
        if (list == null || !list.isArray()) {
            throw new UnparseableRequestException("alerts must be an array");
        }
        List<ReceivedEvent> events = new ArrayList<>();
        int n = 0;
        for (JsonNode alert : list) {
            events.add(alerts.event(alert, ++n));
        }
        return ReceiveResult.events(events);
    }
}
