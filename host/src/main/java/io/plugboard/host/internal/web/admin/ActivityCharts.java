package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.stats.ActivityRange;
import io.plugboard.host.internal.stats.Interval;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The geometry of the dashboard's SVG charts, computed here so the templates only place numbers (in
 * a {@code viewBox} of {@link #WIDTH} × {@link #HEIGHT}, scaled to the page's width by the stylesheet).
 */
final class ActivityCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final double LEFT = 56;
    private static final double RIGHT = 8;
    private static final double TOP = 12;
    private static final double BOTTOM = 188;
    private static final int TICKS = 4;
    /** The bars' parts, bottom to top (stylesheet classes {@code bar-ok} …). */
    private static final String[] SERIES = {"ok", "retried", "failed"};

    /** One coloured part of a bar: {@code kind} is its series (a stylesheet class). */
    record Segment(String kind, String y, String height) {}

    record Bar(String x, String width, List<Segment> segments) {}

    /** A label under the x axis, or beside the y axis (then {@code at} is its y). */
    record Tick(String at, String label) {}

    /** @param gridY the y of the top grid line (the largest value), and its label */
    record Axes(List<Tick> times, String gridY, String maxLabel, String midY, String midLabel, String baseY) {}

    record BarChart(List<Bar> bars, Axes axes) {}

    /** @param p50 / p95 the {@code points} of each line, one point per interval that had attempts */
    record LineChart(String p50, String p95, Axes axes) {}

    private ActivityCharts() {}

    static BarChart deliveries(List<Interval> intervals, ActivityRange range) {
        long max = Math.max(1, intervals.stream().mapToLong(Interval::attempts).max().orElse(0));
        double slot = (WIDTH - LEFT - RIGHT) / intervals.size();
        double gap = slot > 6 ? 1 : 0;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            Interval in = intervals.get(i);
            if (in.attempts() == 0) {
                continue;
            }
            List<Segment> segments = new ArrayList<>();
            double base = BOTTOM;
            long[] counts = {in.succeeded(), in.retried(), in.failed()};
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    double h = (BOTTOM - TOP) * counts[k] / max;
                    base -= h;
                    segments.add(new Segment(SERIES[k], num(base), num(h)));
                }
            }
            bars.add(new Bar(num(LEFT + i * slot + gap / 2), num(slot - gap), segments));
        }
        return new BarChart(bars, axes(intervals, range, max, String::valueOf));
    }

    static LineChart latency(List<Interval> intervals, ActivityRange range) {
        long max = Math.max(1, intervals.stream().map(Interval::p95Ms).filter(Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(0));
        double slot = (WIDTH - LEFT - RIGHT) / intervals.size();
        StringBuilder p50 = new StringBuilder();
        StringBuilder p95 = new StringBuilder();
        for (int i = 0; i < intervals.size(); i++) {
            Interval in = intervals.get(i);
            if (in.p50Ms() == null) {
                continue;
            }
            String x = num(LEFT + (i + 0.5) * slot);
            p50.append(x).append(',').append(num(BOTTOM - (BOTTOM - TOP) * in.p50Ms() / max)).append(' ');
            p95.append(x).append(',').append(num(BOTTOM - (BOTTOM - TOP) * in.p95Ms() / max)).append(' ');
        }
        return new LineChart(p50.toString().trim(), p95.toString().trim(), axes(intervals, range, max, ActivityCharts::millis));
    }

    private static Axes axes(List<Interval> intervals, ActivityRange range, long max, Function<Long, String> label) {
        double slot = (WIDTH - LEFT - RIGHT) / intervals.size();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(range == ActivityRange.WEEK ? "MMM d" : "HH:mm",
                Locale.ROOT).withZone(ZoneOffset.UTC);
        List<Tick> times = new ArrayList<>();
        for (int t = 0; t < TICKS; t++) {
            int i = t * intervals.size() / TICKS;
            Instant start = intervals.get(i).start();
            times.add(new Tick(num(LEFT + i * slot), format.format(start)));
        }
        return new Axes(times, num(TOP), label.apply(max), num((TOP + BOTTOM) / 2), label.apply(max / 2), num(BOTTOM));
    }

    /** A latency as people read it: 850 ms, 1.5 s. */
    static String millis(Long ms) {
        if (ms == null) {
            return "–";
        }
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
