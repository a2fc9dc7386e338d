package io.plugboard.host;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How configuration text (environment variables, properties) becomes option values. Each parser
 * throws {@link IllegalArgumentException} saying what the value should look like; {@link ConfigBindings}
 * puts the key in front.
 */
final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*(ms|s|m|h|d)?");
    private static final Pattern BYTES = Pattern.compile("([0-9]+)\\s*(B|KB|MB|GB|KiB|MiB|GiB)?", Pattern.CASE_INSENSITIVE);

    private ConfigValues() {}

    static String text(String raw) {
        return raw.strip();
    }

    static Path path(String raw) {
        return Path.of(raw.strip());
    }

    static int integer(String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not '" + raw + "'");
        }
    }

    static double decimal(String raw) {
        try {
            return Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number such as 0.2, not '" + raw + "'");
        }
    }

    static boolean bool(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + raw + "'");
        };
    }

    /**
     * @param bareUnit the unit of a number written without one
     * @return {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, ISO-8601 ({@code PT30S}) or a bare number
     */
    static Duration duration(String raw, ChronoUnit bareUnit) {
        String t = raw.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw durationRefused(raw);
            }
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches() || m.group(1).length() > 12) {
            throw durationRefused(raw);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.of(n, bareUnit);
        };
    }

    private static IllegalArgumentException durationRefused(String raw) {
        return new IllegalArgumentException("must be a duration such as 500ms, 30s, 5m, 2h, 7d or PT30S, not '" + raw + "'");
    }

    /** @return bytes from a whole number with an optional unit: {@code 65536}, {@code 64KB}, {@code 1MB} (1024-based) */
    static long bytes(String raw) {
        Matcher m = BYTES.matcher(raw.strip());
        if (!m.matches() || m.group(1).length() > 15) {
            throw new IllegalArgumentException("must be a size in bytes such as 1048576, 64KB or 1MB, not '" + raw + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        return switch (unit.charAt(0)) {
            case 'K' -> n * 1024;
            case 'M' -> n * 1024 * 1024;
            case 'G' -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    /** @return the items of a comma-separated list, stripped, blanks left out */
    static List<String> list(String raw) {
        List<String> out = new ArrayList<>();
        for (String item : raw.split(",")) {
            if (!item.isBlank()) {
                out.add(item.strip());
            }
        }
        return out;
    }

    /** @return the items of a list separated like {@code PATH}: {@code :} ({@code ;} on Windows), blanks dropped */
    static List<String> pathList(String raw) {
        List<String> out = new ArrayList<>();
        for (String item : raw.split(Pattern.quote(File.pathSeparator))) {
            if (!item.isBlank()) {
                out.add(item.strip());
            }
        }
        return out;
    }

    static int intBytes(String raw) {
        long n = bytes(raw);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("must be at most " + Integer.MAX_VALUE + " bytes, not '" + raw + "'");
        }
        return (int) n;
    }
}
