package io.plugboard.plugins.discord;

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

/**
 * Builds one Discord webhook message with one embed, within Discord's limits: title ≤256, ≤25 fields
 * (name ≤256, value ≤1024), footer ≤2048, and all of an embed's text together ≤6000.
 */
final class DiscordMessage {

    static final int MAX_FIELDS = 25;
    static final int MAX_TITLE = 256;
    static final int MAX_NAME = 100;
    static final int MAX_VALUE = 300;
    static final int MAX_EMBED_TEXT = 6000;
    /** Kept free for the "N more fields not shown" description. */
    private static final int DESCRIPTION_RESERVE = 40;
    /** Values shorter than this sit side by side (inline); longer ones get a row of their own. */
    private static final int INLINE_UNDER = 40;

    private DiscordMessage() {}

    /** @param color the embed's colour as 0xRRGGBB, or null @return the message as JSON text */
    static String render(OutgoingEvent event, Integer color) {
        ObjectNode data = EventData.parse(event.data());
        PickedFields picked = FieldPicker.pick(data, ChatSettings.fields(event, MAX_FIELDS), MAX_FIELDS);
        String title = Text.cut(DiscordText.escape(ChatSettings.title(event)), MAX_TITLE);
        String footer = Text.cut("Event " + event.eventId() + (event.source() == null ? "" : " · " + event.source()), 200);

        ObjectNode message = EventData.mapper().createObjectNode();
        message.put("content", "");
        message.putObject("allowed_mentions").putArray("parse");
        ObjectNode embed = message.putArray("embeds").addObject();
        embed.put("title", title);
        Links.find(data, ChatSettings.linkField(event)).ifPresent(url -> embed.put("url", url));
        if (color != null) {
            embed.put("color", color);
        }
        int budget = MAX_EMBED_TEXT - title.length() - footer.length() - DESCRIPTION_RESERVE;
        int shown = addFields(embed.putArray("fields"), picked, budget);
        int omitted = picked.omitted() + picked.shown().size() - shown;
        if (omitted > 0) {
            embed.put("description", omitted + " more field" + (omitted == 1 ? "" : "s") + " not shown");
        }
        embed.put("timestamp", event.emittedAt().toString());
        embed.putObject("footer").put("text", footer);
        return message.toString();
    }

    /** @return how many fields fit in the budget of text the embed has left */
    private static int addFields(ArrayNode fields, PickedFields picked, int budget) {
        int left = budget;
        int shown = 0;
        for (DataField field : picked.shown()) {
            String name = field.name().isBlank() ? "\u200b" : Text.cut(DiscordText.escape(field.name()), MAX_NAME);
            String value = field.value().isBlank() ? "\u200b" : Text.cut(DiscordText.value(field.value()), MAX_VALUE);
            if (name.length() + value.length() > left) {
                break;
            }
            left -= name.length() + value.length();
            fields.addObject().put("name", name).put("value", value).put("inline", value.length() < INLINE_UNDER);
            shown++;
        }
        return shown;
    }
}
