package io.plugboard.host.internal.common;

/**
 * The periods the dashboard's counts are kept per: each has its tables ({@code attempt_minutes},
 * {@code attempt_hours}; {@code event_minutes}, {@code event_hours}), whose rows start at a multiple of
 * the period in epoch milliseconds, named by the column {@link #column()}.
 */
public enum CountPeriod {

    MINUTE("minutes", "minute_at", 60_000L),
    HOUR("hours", "hour_at", 3_600_000L);

    private final String suffix;
    private final String column;
    private final long millis;

    CountPeriod(String suffix, String column, long millis) {
        this.suffix = suffix;
        this.column = column;
        this.millis = millis;
    }

    /** @return e.g. {@code attempt_minutes} for {@code attempt} */
    public String table(String prefix) {
        return prefix + "_" + suffix;
    }

    public String column() {
        return column;
    }

    public long millis() {
        return millis;
    }

    /** @return the start of the period holding {@code epochMillis} */
    public long start(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, millis);
    }
}
