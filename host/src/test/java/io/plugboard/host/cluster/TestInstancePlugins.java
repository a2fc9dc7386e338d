package io.plugboard.host.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an instance reports it runs follows plugin activation at once, not at its next heartbeat
 * (here 100 s away): the Plugins page of every instance reads it from the database.
 */
class TestInstancePlugins {

    @Test
    void activatingAndDeactivatingAPluginIsReportedBeforeTheNextHeartbeat() throws Exception {
        try (TestHost host = TestHost.start(TestHost.FAST.toBuilder().leaseDuration(Duration.ofMinutes(10)).build())) {
            Http http = host.http();
            assertThat(runs(http, "parcel")).isFalse();

            byte[] jar = PluginJar.plugin("parcel").source("test.parcel.Events", """
                    package test.parcel;
                    import io.plugboard.sdk.*;
                    import java.util.List;
                    @org.pf4j.Extension
                    public class Events implements EventTypeProvider {
                        public List<EventType> eventTypes() {
                            return List.of(EventType.builder("parcel_sent").name("Parcel sent").sample("{}").build());
                        }
                    }
                    """).bytes();
            assertThat(http.postMultipart("/api/v1/plugins", "jar", "parcel.jar", jar, Map.of()).status()).isEqualTo(201);
            assertThat(eventually(http, "parcel", true)).as("reported running after upload").isTrue();

            assertThat(http.postJson("/api/v1/plugins/parcel/deactivate", "{}").status()).isEqualTo(200);
            assertThat(eventually(http, "parcel", false)).as("no longer reported after deactivation").isTrue();
        }
    }

    private static boolean eventually(Http http, String pluginId, boolean running) {
        Await.until(pluginId + (running ? " reported" : " no longer reported"), () -> runs(http, pluginId) == running);
        return true;
    }

    private static boolean runs(Http http, String pluginId) {
        JsonNode listing = http.get("/api/v1/instances").json();
        return listing.get("data").get(0).get("plugins").has(pluginId);
    }
}
