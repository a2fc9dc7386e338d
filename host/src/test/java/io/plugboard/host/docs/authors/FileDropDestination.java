package io.plugboard.host.docs.authors;

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
 * The destination of docs/plugin-authors.md ("A destination"), compiled here; {@code TestDocSnippets}
 * compares the region with the document.
 */
// snippet:destination
@Extension
public class FileDropDestination implements Destination {
    public String id() { return "file-drop"; }                  // stable, unique; stored with each webhook
    public String label() { return "File drop"; }
    public String description() { return "Writes each event into a folder, one file per event."; }

    public List<Setting> settings() {                          // each webhook has its own values
        return List.of(Setting.builder("folder", SettingType.STRING).required().build(),
                Setting.builder("name", SettingType.STRING).defaultValue("{{type}}-{{id}}.json").build());
    }

    public void verify(Map<String, String> settings) {         // on save; do not connect anywhere here
        if (!Path.of(settings.get("folder")).isAbsolute()) {
            throw InvalidSettingsException.of("folder", "must be an absolute path");
        }
    }

    public String describe(Map<String, String> settings) {    // shown in lists and the log (no secrets given)
        return "folder " + settings.get("folder");
    }

    public DeliveryOutcome send(OutgoingMessage message) throws IOException {
        Path folder = Path.of(message.setting("folder"));
        if (!Files.isDirectory(folder)) {
            return DeliveryOutcome.retry("the folder " + folder + " does not exist (yet)");
        }
        Files.write(folder.resolve(message.expand(message.setting("name"))), message.body());
        return DeliveryOutcome.delivered("written");             // only once it is safe: it will not be retried
    }
}
// end:destination
