package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.stats.Activity;
import io.plugboard.host.internal.stats.ActivityRange;
import io.plugboard.host.internal.stats.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's numbers as text: the summary, each chart's description (what a screen reader
 * reads for the SVG) and the rows of the table under the charts.
 */
final class ActivityText {

    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The range's totals and the queue, with each chart's description. */
    record Summary(long attempts, long succeeded, long retried, long failed, String p50, String p95, long pending,
                   long due, String oldestDue, String step, String span, String deliveriesDesc, String latencyDesc) {}

    /** One interval that had attempts. */
    record Row(String start, long succeeded, long retried, long failed, String p50, String p95) {}

    private ActivityText() {}

    static Summary summary(Activity a) {
        Interval t = a.deliveries().total();
        List<Interval> intervals = a.deliveries().intervals();
        Instant to = intervals.get(intervals.size() - 1).start().plus(a.range().step());
        String span = DAY_TIME.format(a.from()) + " to " + DAY_TIME.format(to) + " UTC";
        String step = step(a.range());
        String deliveries = t.attempts() == 0 ? "No attempts from " + span + "."
                : String.format(Locale.ROOT, "Attempts per %s from %s: %d succeeded, %d failed and retried, %d failed "
                        + "for good.%s", step, span, t.succeeded(), t.retried(), t.failed(), busiest(intervals));
        String latency = t.attempts() == 0 ? "No attempts, so no latency, from " + span + "."
                : String.format(Locale.ROOT, "Latency per %s from %s: p50 %s and p95 %s over the whole range.%s",
                        step, span, ActivityCharts.millis(t.p50Ms()), ActivityCharts.millis(t.p95Ms()), slowest(intervals));
        return new Summary(t.attempts(), t.succeeded(), t.retried(), t.failed(), ActivityCharts.millis(t.p50Ms()),
                ActivityCharts.millis(t.p95Ms()), a.queue().pending(), a.queue().due(),
                a.queue().due() == 0 ? "none due" : waited(a.queue().oldestDueMs()),
                step, span, deliveries, latency);
    }

    static List<Row> rows(Activity a) {
        return a.deliveries().intervals().stream().filter(i -> i.attempts() > 0)
                .map(i -> new Row(DAY_TIME.format(i.start()), i.succeeded(), i.retried(), i.failed(),
                        ActivityCharts.millis(i.p50Ms()), ActivityCharts.millis(i.p95Ms())))
                .toList();
    }

    private static String busiest(List<Interval> intervals) {
        Interval top = intervals.stream().max(Comparator.comparingLong(Interval::attempts)).orElseThrow();
        return " The busiest interval began " + DAY_TIME.format(top.start()) + " with " + top.attempts() + " attempts.";
    }

    private static String slowest(List<Interval> intervals) {
        return intervals.stream().filter(i -> i.p95Ms() != null).max(Comparator.comparingLong(Interval::p95Ms))
                .map(i -> " The highest p95, " + ActivityCharts.millis(i.p95Ms()) + ", began " + DAY_TIME.format(i.start()) + ".")
                .orElse("");
    }

    private static String step(ActivityRange range) {
        Duration step = range.step();
        if (step.toHours() >= 1) {
            return step.toHours() == 1 ? "hour" : step.toHours() + " hours";
        }
        return step.toMinutes() == 1 ? "minute" : step.toMinutes() + " minutes";
    }

    /** How long the oldest due delivery has waited: "42 s", "3 min", "2 h 5 min". */
    static String waited(long ms) {
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        return s < 3600 ? s / 60 + " min" : s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
}
