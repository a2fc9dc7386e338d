package io.plugboard.host.internal.stats;

import io.plugboard.host.internal.common.CountPeriod;
import io.plugboard.host.internal.common.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The spans the dashboard shows, each cut into intervals of its step (60, 24 and 84 of them). */
public enum ActivityRange {

    HOUR("hour", "Last hour", Duration.ofHours(1), Duration.ofMinutes(1), CountPeriod.MINUTE),
    DAY("day", "Last 24 hours", Duration.ofHours(24), Duration.ofHours(1), CountPeriod.HOUR),
    WEEK("week", "Last 7 days", Duration.ofDays(7), Duration.ofHours(2), CountPeriod.HOUR);

    private final String id;
    private final String label;
    private final Duration length;
    private final Duration step;
    private final CountPeriod period;

    ActivityRange(String id, String label, Duration length, Duration step, CountPeriod period) {
        this.period = period;
        this.id = id;
        this.label = label;
        this.length = length;
        this.step = step;
    }

    /** @return the value of {@code ?range=} */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Duration step() {
        return step;
    }

    /** @return the tables it reads: the minutes for the hour, the hours beyond (a week of minutes is too many rows) */
    public CountPeriod period() {
        return period;
    }

    public int slots() {
        return (int) (length.toMillis() / step.toMillis());
    }

    /**
     * @return the first interval's start: the span ends with the interval holding {@code now}, so
     *     every interval is whole and a reload within it shows the same intervals
     */
    public Instant from(Instant now) {
        long stepMs = step.toMillis();
        long end = now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), stepMs) + stepMs;
        return Instant.ofEpochMilli(end - length.toMillis());
    }

    /**
     * @param value the query parameter, or null for the last hour
     * @throws ValidationException naming the values there are
     */
    public static ActivityRange parse(String value) {
        if (value == null || value.isBlank()) {
            return HOUR;
        }
        return Arrays.stream(values()).filter(r -> r.id.equals(value)).findFirst()
                .orElseThrow(() -> ValidationException.of("range", "range must be one of "
                        + Arrays.stream(values()).map(ActivityRange::id).collect(Collectors.joining(", "))));
    }
}
