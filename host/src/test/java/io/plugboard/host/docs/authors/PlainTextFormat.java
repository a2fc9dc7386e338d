package io.plugboard.host.docs.authors;

import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.outbound.OutgoingEvent;
import io.plugboard.sdk.outbound.PayloadFormat;
import io.plugboard.sdk.outbound.RenderedPayload;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.List;
import org.pf4j.Extension;

/**
 * The payload format of docs/plugin-authors.md ("A payload format"), compiled here; {@code TestDocSnippets}
 * compares the region with the document.
 */
// snippet:payload-format
@Extension
public class PlainTextFormat implements PayloadFormat {
    public String id() { return "plain-text"; }
    public String label() { return "Plain text (one line)"; }
    public String contentType() { return "text/plain"; }

    public List<Setting> settings() {
        return List.of(Setting.builder("prefix", SettingType.STRING).defaultValue("[plugboard]").build());
    }

    public RenderedPayload render(OutgoingEvent event) {      // fast and free of I/O: runs for every attempt
        JsonObject data = event.dataObject();                 // after the outgoing_payload filters
        return RenderedPayload.of("text/plain", event.settings().get("prefix") + " " + event.typeInWords()
                + data.optionalString("title").map(title -> ": " + title).orElse("") + " (" + event.eventId() + ")");
    }
}
// end:payload-format
