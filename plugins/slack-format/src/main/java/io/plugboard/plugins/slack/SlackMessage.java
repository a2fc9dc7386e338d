package io.plugboard.plugins.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.plugins.formatsupport.ChatSettings;
import io.plugboard.plugins.formatsupport.DataField;
import io.plugboard.plugins.formatsupport.EventData;
import io.plugboard.plugins.formatsupport.FieldPicker;
import io.plugboard.plugins.formatsupport.Links;
import io.plugboard.plugins.formatsupport.PickedFields;
import io.plugboard.plugins.formatsupport.Text;
import io.plugboard.sdk.outbound.OutgoingEvent;
import java.util.Optional;

/**
 * Builds one Block Kit message: header, a section of fields (when the data has any), a context line, and
 * an actions block with a link button (when there is a link). Four blocks at most, well under Slack's 50.
 */
final class SlackMessage {

    /** Slack's limit of fields in one section. */
    static final int MAX_FIELDS = 10;
    /** Slack's limit of a header's text. */
    static final int MAX_HEADER = 150;
    /** Cut before escaping: "*" + 80×5 + "*\n" + 300×5 (every char an &amp;) stays under Slack's 2,000 per field. */
    static final int MAX_NAME = 80;
    static final int MAX_VALUE = 300;

    private static final ObjectMapper MAPPER = EventData.mapper();

    private SlackMessage() {}

    /** @return the message as JSON text */
    static String render(OutgoingEvent event) {
        ObjectNode data = EventData.parse(event.data());
        PickedFields picked = FieldPicker.pick(data, ChatSettings.fields(event, MAX_FIELDS), MAX_FIELDS);
        Optional<String> link = Links.find(data, ChatSettings.linkField(event));
        String title = Text.cut(ChatSettings.title(event), MAX_HEADER);

        ObjectNode message = MAPPER.createObjectNode();
        message.put("text", Mrkdwn.escape(title));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", title).put("emoji", true);
        if (!picked.shown().isEmpty()) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            for (DataField field : picked.shown()) {
                fields.addObject().put("type", "mrkdwn").put("text", "*" + Mrkdwn.escape(Text.cut(field.name(), MAX_NAME))
                        + "*\n" + Mrkdwn.escape(Text.cut(field.value(), MAX_VALUE)));
            }
        }
        blocks.addObject().put("type", "context").putArray("elements").addObject()
                .put("type", "mrkdwn").put("text", context(event, picked.omitted()));
        link.ifPresent(url -> {
            ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject();
            button.put("type", "button").put("action_id", "open_link").put("url", url);
            button.putObject("text").put("type", "plain_text").put("text", "Open");
        });
        return message.toString();
    }

    /** Slack shows the time in each reader's time zone through its date token; the ISO text is the fallback. */
    private static String context(OutgoingEvent event, int omitted) {
        String text = "Event `" + Mrkdwn.escape(Text.cut(event.eventId(), 200)) + "` · <!date^"
                + event.emittedAt().getEpochSecond() + "^{date_short_pretty} {time_secs}|" + event.emittedAt() + ">";
        return omitted == 0 ? text : text + " · " + omitted + " more field" + (omitted == 1 ? "" : "s") + " not shown";
    }
}
