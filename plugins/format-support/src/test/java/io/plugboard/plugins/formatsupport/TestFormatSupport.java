package io.plugboard.plugins.formatsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.outbound.OutgoingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared helpers on their edges; the formats' own tests cover them on realistic events. */
class TestFormatSupport {

    @Test
    void cuttingNeverSplitsASurrogatePairAndEndsWithAnEllipsis() {
        assertThat(Text.cut("short", 10)).isEqualTo("short");
        assertThat(Text.cut("abcdefghij", 5)).isEqualTo("abcd…");
        String emojis = "\uD83D\uDE00".repeat(10);
        String cut = Text.cut(emojis, 6);
        assertThat(cut).hasSizeLessThanOrEqualTo(6).endsWith("…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }

    @Test
    void onlyAbsoluteHttpAndHttpsUrlsWithAHostAreWebUrls() {
        assertThat(Links.isWebUrl("https://example.com/a?b=1&c=2#d")).isTrue();
        assertThat(Links.isWebUrl("HTTP://example.com")).isTrue();
        for (String bad : List.of("", "javascript:alert(1)", "mailto:a@example.com", "https://", "https:///x", "/relative",
                "https://example.com/\nx", "https://example.com/" + "a".repeat(Links.MAX_LENGTH))) {
            assertThat(Links.isWebUrl(bad)).as(bad).isFalse();
        }
    }

    @Test
    void pathsAreDottedKeysAndListsAreCommaSeparated() {
        assertThat(DataPaths.parseList(" a, customer.email ,x-y_z", 3))
                .containsExactly(List.of("a"), List.of("customer", "email"), List.of("x-y_z"));
        assertThat(DataPaths.parseList("  ", 3)).isEmpty();
        assertThatThrownBy(() -> DataPaths.parse("a.")).hasMessageContaining("is not a data path");
        assertThatThrownBy(() -> DataPaths.parse("a.b.c.d.e.f")).hasMessageContaining("at most 5 deep");
        assertThatThrownBy(() -> DataPaths.parseList("a,b,c", 2)).hasMessageContaining("at most 2");
    }

    @Test
    void theTitleFallsBackToTheTypeInWords() {
        OutgoingEvent plain = new OutgoingEvent("evt_1", "invoice.paid", Instant.EPOCH, "api", "{}", "wh_1", Map.of());
        assertThat(ChatSettings.title(plain)).isEqualTo("Invoice paid");
        OutgoingEvent blank = new OutgoingEvent("evt_1", "invoice.paid", Instant.EPOCH, "api", "{}", "wh_1",
                Map.of("title", "  "));
        assertThat(ChatSettings.title(blank)).isEqualTo("Invoice paid");
        OutgoingEvent dollar = new OutgoingEvent("evt_1", "a_b", Instant.EPOCH, "api", "{}", "wh_1", Map.of("title", "$1 {{type}}"));
        assertThat(ChatSettings.title(dollar)).isEqualTo("$1 A b");
    }
}
