package io.plugboard.plugins.genericjson;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.InvalidSettingsException;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Turns any JSON POST into one event of the configured type. Without mappings, a JSON object becomes
 * the event's data as it is (any other JSON value becomes {@code {"body": value}}); with mappings,
 * the data has exactly the mapped fields. An optional pointer names the sender's id for the document,
 * so a retry is not emitted twice.
 */
@Extension
public class GenericJsonReceiver implements Receiver {

    static final String EVENT_TYPE = "event_type";
    static final String MAPPINGS = "mappings";
    static final String ID_POINTER = "id_pointer";
    private static final Pattern TYPE_KEY = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");

    private final ReceiverJson json = ReceiverJson.strictWithExactNumbers();
    private final ObjectMapper mapper = json.mapper();

    @Override
    public String id() {
        return "generic-json";
    }

    @Override
    public String name() {
        return "Generic JSON";
    }

    @Override
    public String description() {
        return "Any JSON POST becomes an event of the type you choose; optional JSON Pointer mappings pick the fields.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.builder(EVENT_TYPE, SettingType.STRING).label("Event type").required()
                        .defaultValue(JsonReceivedEvents.JSON_RECEIVED)
                        .help("The key of a registered event type to emit; json_received accepts any JSON object.").build(),
                Setting.builder(MAPPINGS, SettingType.TEXT).label("Field mappings")
                        .help("Optional JSON object of output field to JSON Pointer, e.g. {\"order_id\": \"/order/id\"}. "
                                + "Empty: the whole document is the event's data.").build(),
                Setting.builder(ID_POINTER, SettingType.STRING).label("Id pointer")
                        .help("Optional JSON Pointer to the sender's id for the document, e.g. /id: a document with an "
                                + "id already received is not emitted again.").build());
    }

    @Override
    public void verify(Map<String, String> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        String type = settings.getOrDefault(EVENT_TYPE, "");
        if (!TYPE_KEY.matcher(type).matches()) {
            problems.put(EVENT_TYPE, "must be an event type key (lower-case letters, digits, _, . or -)");
        }
        try {
            Mappings.parse(mapper, settings.get(MAPPINGS));
        } catch (IllegalArgumentException e) {
            problems.put(MAPPINGS, e.getMessage());
        }
        String idPointer = settings.get(ID_POINTER);
        if (idPointer != null && !idPointer.isBlank() && !idPointer.startsWith("/")) {
            problems.put(ID_POINTER, "must be a JSON Pointer starting with /, e.g. /id");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        JsonNode document = json.readBody(request.body());
        if (document == null || document.isMissingNode()) {
            throw new UnparseableRequestException("the body is empty; send a JSON document");
        }
        Mappings mappings = Mappings.parse(mapper, request.setting(MAPPINGS));
        JsonNode data = !mappings.isEmpty() ? mappings.apply(mapper, document)
                : document.isObject() ? document : mapper.createObjectNode().set("body", document);
        ReceivedEvent event = ReceivedEvent.of(request.setting(EVENT_TYPE), json.write(data));
        String idPointer = request.setting(ID_POINTER);
        if (!idPointer.isBlank()) {
            JsonNode id = document.at(JsonPointer.compile(idPointer));
            if (id.isValueNode() && !id.isNull() && !id.asText().isBlank() && id.asText().length() <= 200) {
                event = event.withExternalId(id.asText());
            }
        }
        return ReceiveResult.events(List.of(event));
    }
}
