package io.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.common.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestIds {

    @Test
    void idsArePrefixedCrockfordBase32AndUnique() {
        Ids ids = new Ids(Clock.systemUTC());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next("evt");
            assertThat(id).matches("evt_[0-9A-HJKMNP-TV-Z]{26}");
            assertThat(seen.add(id)).as("duplicate id " + id).isTrue();
        }
    }

    @Test
    void idsMadeInTheSameMillisecondSortInTheOrderTheyWereMade() {
        Ids ids = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        String previous = ids.next("evt");
        for (int i = 0; i < 1_000; i++) {
            String next = ids.next("evt");
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void idsSortByCreationTime() {
        String earlier = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).next("wh");
        String later = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00.001Z"), ZoneOffset.UTC)).next("wh");
        assertThat(later).isGreaterThan(earlier);
        assertThat(new Ids(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).next("x")).startsWith("x_0000000000");
    }
}
