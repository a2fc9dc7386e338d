package io.plugboard.host.destinations;

import io.plugboard.host.testing.PluginJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A destination and a payload format, compiled during the test into a real plugin jar: the destination
 * writes each message into a folder named by its settings (one file per attempt, headers first), and
 * answers as a file in that folder tells it (refuse → retry, gone → gone, reject → give up), so a test can
 * break and fix delivery from outside; the format writes the event's type and data after a prefix.
 */
public final class FolderDestinationPlugin {

    private FolderDestinationPlugin() {}

    public static PluginJar jar() {
        return PluginJar.plugin("folder-destination").source("test.folder.FolderDestination", """
                package test.folder;
                import io.plugboard.sdk.outbound.*;
                import io.plugboard.sdk.settings.*;
                import java.nio.file.*;
                import java.util.*;
                @org.pf4j.Extension
                public class FolderDestination implements Destination {
                    public String id() { return "folder"; }
                    public String label() { return "Folder"; }
                    public String description() { return "Writes each message into a folder."; }
                    public List<Setting> settings() {
                        return List.of(Setting.builder("folder", SettingType.STRING).required().build(),
                                Setting.builder("name", SettingType.STRING).defaultValue("{{type}}-{{id}}").build(),
                                Setting.builder("key", SettingType.STRING).secret().build());
                    }
                    public void verify(Map<String, String> settings) {
                        if (!Paths.get(settings.get("folder")).isAbsolute()) {
                            throw InvalidSettingsException.of("folder", "must be an absolute path");
                        }
                    }
                    public String describe(Map<String, String> settings) {
                        return "folder " + settings.get("folder") + (settings.containsKey("key") ? " LEAKED " + settings.get("key") : "");
                    }
                    public DeliveryOutcome send(OutgoingMessage m) throws Exception {
                        Path folder = Paths.get(m.setting("folder"));
                        if (Files.exists(folder.resolve("refuse"))) return DeliveryOutcome.retry("refused by the folder");
                        if (Files.exists(folder.resolve("reject"))) return DeliveryOutcome.giveUp("rejected for good");
                        if (Files.exists(folder.resolve("gone"))) return DeliveryOutcome.gone("the folder is retired");
                        StringBuilder text = new StringBuilder();
                        new TreeMap<>(m.headers()).forEach((k, v) -> text.append(k).append(": ").append(v).append('\\n'));
                        text.append("content-type: ").append(m.contentType()).append('\\n');
                        text.append("key: ").append(m.setting("key")).append('\\n');
                        text.append("attempt: ").append(m.attempt()).append("\\n\\n").append(m.bodyText());
                        Path file = folder.resolve(m.expand(m.setting("name")) + "-" + m.attempt() + ".msg");
                        // Written aside, then moved: a test reading the folder never sees half a message.
                        Path partial = folder.resolve(file.getFileName() + ".partial");
                        Files.writeString(partial, text);
                        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        return DeliveryOutcome.delivered("written to " + file.getFileName());
                    }
                }
                """).source("test.folder.PrefixFormat", """
                package test.folder;
                import io.plugboard.sdk.outbound.*;
                import io.plugboard.sdk.settings.*;
                import java.util.*;
                @org.pf4j.Extension
                public class PrefixFormat implements PayloadFormat {
                    public String id() { return "prefixed"; }
                    public String label() { return "Prefixed text"; }
                    public String contentType() { return "text/plain"; }
                    public List<Setting> settings() {
                        return List.of(Setting.builder("prefix", SettingType.STRING).defaultValue(">>").build());
                    }
                    public void verify(Map<String, String> settings) {
                        if (settings.get("prefix").contains("!")) throw InvalidSettingsException.of("prefix", "no ! please");
                    }
                    public RenderedPayload render(OutgoingEvent e) {
                        if (e.data().contains("\\"explode\\"")) throw new IllegalArgumentException("cannot render explode");
                        return new RenderedPayload("text/plain", (e.settings().get("prefix") + " " + e.typeInWords()
                                + " " + e.data()).getBytes(), Map.of("X-Format", "prefixed"));
                    }
                }
                """);
    }

    /** @return the messages the destination wrote into the folder, in file-name order */
    public static List<String> messages(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".msg")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
