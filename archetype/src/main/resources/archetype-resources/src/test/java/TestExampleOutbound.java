package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.OutgoingEvent;
import io.plugboard.sdk.outbound.OutgoingMessage;
import io.plugboard.sdk.settings.InvalidSettingsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example destination and format, called as the host calls them. */
class TestExampleOutbound {

    @Test
    void theDestinationWritesTheBodyAndRetriesWhileTheFolderIsMissing(@TempDir Path folder) throws Exception {
        ExampleDestination destination = new ExampleDestination();
        Map<String, String> settings = Map.of("folder", folder.toString(), "name", "{{type}}-{{id}}.json");
        OutgoingMessage message = new OutgoingMessage("wh_1", "evt_1", "${eventKey}", Instant.now(), 1,
                "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), Map.of(), settings);
        assertEquals(DeliveryOutcome.Kind.DELIVERED, destination.send(message).kind());
        assertEquals("{\"ok\":true}", Files.readString(folder.resolve("${eventKey}-evt_1.json")));

        OutgoingMessage missing = new OutgoingMessage("wh_1", "evt_2", "${eventKey}", Instant.now(), 1,
                "application/json", new byte[0], Map.of(), Map.of("folder", folder.resolve("nope").toString(),
                        "name", "x.json"));
        assertEquals(DeliveryOutcome.Kind.RETRY, destination.send(missing).kind());
        assertThrows(InvalidSettingsException.class, () -> destination.verify(Map.of("folder", "relative")));
    }

    @Test
    void theFormatWritesOneLine() {
        OutgoingEvent event = new OutgoingEvent("evt_1", "${eventKey}", Instant.now(), "test", "{\"n\":1}", "wh_1",
                Map.of("prefix", "[shop]"));
        assertEquals("[shop] " + event.typeInWords() + " {\"n\":1}",
                new String(new ExampleFormat().render(event).body(), StandardCharsets.UTF_8));
    }
}
