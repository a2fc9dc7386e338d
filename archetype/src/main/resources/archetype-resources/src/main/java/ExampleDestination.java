package ${package};

import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.Destination;
import io.plugboard.sdk.outbound.OutgoingMessage;
import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * An example destination: writes each event into a folder, one file per event. A webhook chooses it
 * under "Where to" (API: {@code "destination": {"type": "file-drop", "settings": {"folder": "/var/drop"}}});
 * the host signs, retries and logs as for HTTP webhooks. A real destination would publish to a broker
 * here and answer {@code delivered} only once the broker confirmed.
 */
@Extension
public class ExampleDestination implements Destination {

    @Override
    public String id() {
        return "file-drop";
    }

    @Override
    public String label() {
        return "File drop";
    }

    @Override
    public String description() {
        return "Writes each event into a folder, one file per event.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.builder("folder", SettingType.STRING).label("Folder").required()
                        .help("An absolute path the host can write to.").build(),
                Setting.builder("name", SettingType.STRING).label("File name").defaultValue("{{type}}-{{id}}.json")
                        .help("{{type}}, {{id}} and {{webhook_id}} are filled in.").build());
    }

    @Override
    public void verify(Map<String, String> settings) {
        if (!Path.of(settings.get("folder")).isAbsolute()) {
            throw InvalidSettingsException.of("folder", "must be an absolute path");
        }
    }

    @Override
    public String describe(Map<String, String> settings) {
        return "folder " + settings.get("folder");
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) throws IOException {
        Path folder = Path.of(message.setting("folder"));
        if (!Files.isDirectory(folder)) {
            // Not an error of this message: retried on the webhook's schedule until the folder exists.
            return DeliveryOutcome.retry("the folder " + folder + " does not exist");
        }
        Path file = folder.resolve(message.expand(message.setting("name")));
        Files.write(file, message.body());
        return DeliveryOutcome.delivered("written to " + file.getFileName());
    }
}
