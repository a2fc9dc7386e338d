package io.plugboard.host.admin;

import io.plugboard.host.InternalConfigs;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A catalog of many event types is shown twenty to a page, with links to every page. */
class TestEventCatalogPaging {

    private static final Pattern CARD = Pattern.compile("<article class=\"card event-type\" id=\"event-(type_\\d+)\"");

    @Test
    void fortyFiveTypesMakeThreePages() {
        PlugboardBuilder builder = InternalConfigs.cheapPasswordHashing(Plugboard.builder()).pluginsDir(TestHost.tempDir("plugins"))
                .dataDir(TestHost.tempDir("data")).port(0).siteName("Catalog")
                .adminUser(TestHost.ADMIN, TestHost.PASSWORD);
        for (int i = 10; i < 55; i++) {
            builder.eventType(EventType.builder("type_" + i).name("Type " + i).group("Group " + (i / 10))
                    .sample("{\"n\":" + i + "}").build());
        }
        try (Plugboard host = builder.build().start()) {
            Http http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
            String first = http.get("/admin/events").body();
            // 45 of the application's and the host's own six operational types (group Plugboard, last)
            assertThat(first).contains("51 event type(s) available").contains("Page 1 of 3")
                    .contains("href=\"/admin/events?page&#x3D;3\"");
            assertThat(cards(first)).isEqualTo(20);
            String last = http.get("/admin/events?page=3").body();
            assertThat(cards(last)).isEqualTo(5);
            assertThat(last).contains("Page 3 of 3").contains("id=\"event-type_54\"").doesNotContain("rel=\"next\"");
            assertThat(http.get("/admin/events?page=4").body()).contains("Page 3 of 3").contains("id=\"event-type_54\"");
        }
    }

    private static int cards(String body) {
        Matcher m = CARD.matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
