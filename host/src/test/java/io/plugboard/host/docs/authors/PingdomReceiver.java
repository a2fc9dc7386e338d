package io.plugboard.host.docs.authors;

import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.InvalidSettingsException;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonException;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The receiver of docs/plugin-authors.md ("Writing a receiver"), compiled here; {@code TestDocSnippets}
 * compares the region with the document.
 */
// snippet:receiver
@Extension
public class PingdomReceiver implements Receiver {
    public String id() { return "pingdom"; }                 // stable, unique across plugins
    public String name() { return "Pingdom"; }
    public String description() { return "Pingdom state-change webhooks: one check_down or check_up event."; }

    public List<Setting> settings() {                         // each inbound webhook has its own values
        return List.of(Setting.builder("check_prefix", SettingType.STRING).label("Only checks starting with").build());
    }

    public void verify(Map<String, String> settings) {        // called on save and by the "Verify" button
        if (settings.getOrDefault("check_prefix", "").length() > 50) {
            throw InvalidSettingsException.of("check_prefix", "must be at most 50 characters");
        }
    }

    public ReceiveResult parse(InboundRequest request) {
        JsonObject body;
        try {
            body = Json.parseObject(new String(request.body(), StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new UnparseableRequestException(e.getMessage());                 // → 400, kept as an error
        }
        String state = body.optionalString("current_state")
                .orElseThrow(() -> new UnparseableRequestException("current_state is missing"));
        String type = state.equals("DOWN") ? "check_down" : "check_up";
        JsonObject data = JsonObject.of("check_id", body.string("check_id"), "check_name", body.string("check_name"),
                "state", state, "description", body.optionalString("long_description").orElse(""));
        return ReceiveResult.events(List.of(ReceivedEvent.of(type, data)
                .withExternalId(body.string("check_id") + ":" + body.string("state_changed_timestamp"))));
    }
}
// end:receiver
