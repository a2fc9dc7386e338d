package io.plugboard.sdk.web;

/** Reads typed query parameters; a value that is not of the type is the caller's mistake, a 400. */
final class QueryValues {

    private QueryValues() {
    }

    static long whole(String name, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, with the parameter's name
        }
        boolean anyInType = (min == Integer.MIN_VALUE && max == Integer.MAX_VALUE)
                || (min == Long.MIN_VALUE && max == Long.MAX_VALUE);
        throw new IllegalArgumentException("the query parameter '" + name + "' must be a whole number"
                + (anyInType ? "" : " from " + min + " to " + max) + ", not '" + shorten(value) + "'");
    }

    static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("the query parameter '" + name
                    + "' must be true or false, not '" + shorten(value) + "'");
        };
    }

    /** A sender's value is echoed in the message; a long one only in part. */
    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
