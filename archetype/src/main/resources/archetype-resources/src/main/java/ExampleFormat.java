package ${package};

import io.plugboard.sdk.outbound.OutgoingEvent;
import io.plugboard.sdk.outbound.PayloadFormat;
import io.plugboard.sdk.outbound.RenderedPayload;
import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * An example payload format: one line of text, e.g. {@code [shop] Order placed {"order_id":"o_1"}}. A
 * webhook chooses it as its format (API: {@code "format": "one-line", "format_settings": {"prefix": "[shop]"}});
 * the host signs the exact bytes returned.
 */
@Extension
public class ExampleFormat implements PayloadFormat {

    @Override
    public String id() {
        return "one-line";
    }

    @Override
    public String label() {
        return "One line of text";
    }

    @Override
    public String contentType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.builder("prefix", SettingType.STRING).label("Prefix").defaultValue("[plugboard]").build());
    }

    @Override
    public void verify(Map<String, String> settings) {
        if (settings.get("prefix").contains("\n")) {
            throw InvalidSettingsException.of("prefix", "must be one line");
        }
    }

    @Override
    public RenderedPayload render(OutgoingEvent event) {
        return RenderedPayload.of(contentType(), event.settings().get("prefix") + " " + event.typeInWords() + " "
                + event.data());
    }
}
