package io.plugboard.plugins.receiversupport;

import java.util.Locale;
import java.util.Map;

/**
 * The four severities of the shared alert model, and the words monitoring tools use for them (each
 * receiver keeps the tool's own word in {@code severity_original}).
 */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO;

    private static final Map<String, Severity> WORDS = Map.ofEntries(
            Map.entry("critical", CRITICAL), Map.entry("crit", CRITICAL), Map.entry("disaster", CRITICAL),
            Map.entry("emergency", CRITICAL), Map.entry("alert", CRITICAL), Map.entry("fatal", CRITICAL),
            Map.entry("sev0", CRITICAL), Map.entry("sev1", CRITICAL), Map.entry("p1", CRITICAL), Map.entry("page", CRITICAL),
            Map.entry("error", ERROR), Map.entry("err", ERROR), Map.entry("high", ERROR), Map.entry("major", ERROR),
            Map.entry("sev2", ERROR), Map.entry("p2", ERROR),
            Map.entry("warning", WARNING), Map.entry("warn", WARNING), Map.entry("average", WARNING),
            Map.entry("medium", WARNING), Map.entry("minor", WARNING), Map.entry("sev3", WARNING), Map.entry("p3", WARNING),
            Map.entry("info", INFO), Map.entry("information", INFO), Map.entry("informational", INFO),
            Map.entry("notice", INFO), Map.entry("low", INFO), Map.entry("ok", INFO), Map.entry("none", INFO),
            Map.entry("not classified", INFO), Map.entry("debug", INFO), Map.entry("sev4", INFO), Map.entry("p4", INFO),
            Map.entry("p5", INFO));

    /**
     * @param word a tool's severity word, any case (e.g. {@code High}, {@code Disaster}, {@code Sev2})
     * @param fallback what an unknown or missing word means for this tool
     */
    public static Severity of(String word, Severity fallback) {
        if (word == null) {
            return fallback;
        }
        return WORDS.getOrDefault(word.strip().toLowerCase(Locale.ROOT), fallback);
    }

    /** @return the value written into event data, e.g. {@code critical} */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
