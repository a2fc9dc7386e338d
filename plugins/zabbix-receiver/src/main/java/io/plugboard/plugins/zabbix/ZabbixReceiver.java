package io.plugboard.plugins.zabbix;

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
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Receives Zabbix problems and recoveries from a webhook media type running the script in
 * docs/plugins/zabbix-receiver.md: one {@code alert_firing} or {@code alert_resolved} event per
 * message, in the shared alert model with {@code zabbix:<problem event id>} as the alert key. The script
 * sends a shared secret in a header, checked on top of the URL's access key.
 */
@Extension
public class ZabbixReceiver implements Receiver {

    static final String TIMEZONE = "timezone";

    private final ReceiverJson json = ReceiverJson.strict();
    private final ZabbixProblem problems = new ZabbixProblem(json);

    @Override
    public String id() {
        return "zabbix";
    }

    @Override
    public String name() {
        return "Zabbix";
    }

    @Override
    public String description() {
        return "Zabbix problems and recoveries from a webhook media type (script in the docs): one alert_firing or "
                + "alert_resolved event each, in the shared alert model (docs/alerts.md); a secret header is checked.";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> all = new ArrayList<>(SharedSecret.settings("the media type's plugboard_secret parameter",
                "The header the media type script puts the secret in."));
        all.add(Setting.builder(TIMEZONE, SettingType.STRING).label("Zabbix server time zone").defaultValue("UTC")
                        .help("How to read event_date and event_time, which Zabbix writes in its server's zone "
                                + "(e.g. Europe/Berlin). Times sent as event_datetime carry their own offset.").build());
        return all;
    }

    @Override
    public void verify(Map<String, String> settings) {
        Map<String, String> wrong = new LinkedHashMap<>(SharedSecret.problems(settings));
        try {
            ZoneId.of(settings.getOrDefault(TIMEZONE, "UTC"));
        } catch (DateTimeException e) {
            wrong.put(TIMEZONE, "must be a time zone id such as UTC or Europe/Berlin");
        }
        if (!wrong.isEmpty()) {
            throw new InvalidSettingsException(wrong);
        }
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        SharedSecret.requireConfigured(request);
        JsonNode body = json.readBody(request.body());
        if (body == null || !body.isObject()) {
            throw new UnparseableRequestException("the body must be a JSON object, as the Plugboard media type script sends it");
        }
        // Update operations (acknowledged, commented) neither start nor end a problem.
        if ("1".equals(new ZabbixFields(body).text("event_update_status"))) {
            return ReceiveResult.events(List.of());
        }
        ZoneId zone = ZoneId.of(request.setting(TIMEZONE).isEmpty() ? "UTC" : request.setting(TIMEZONE));
        return ReceiveResult.events(List.of(problems.event(body, zone)));
    }
}
