package io.plugboard.host.internal.common;

import io.plugboard.host.internal.common.ValidationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times taken from a user or a sender: parsed, and kept to the years 0000 to 9999. Java reads years
 * up to ±999,999,999, which the store's epoch milliseconds cannot hold; such a time is bad input (a
 * 400 naming the field), never an overflow deep in a query.
 */
public final class InputTimes {

    /** The earliest time accepted: 0000-01-01T00:00:00Z. */
    public static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    /** The latest time accepted: 9999-12-31T23:59:59.999Z. */
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    private InputTimes() {}

    /**
     * An ISO-8601 instant such as {@code 2026-11-20T00:00:00Z} (an offset such as {@code +01:00} is
     * accepted).
     *
     * @throws ValidationException naming {@code field} when it is not such a time or out of range
     */
    public static Instant instant(String field, String value) {
        Instant at;
        try {
            at = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, field + " must be an ISO-8601 time such as 2026-11-20T00:00:00Z");
        }
        return checked(field, at);
    }

    /**
     * A date and time without zone, such as an HTML {@code datetime-local} value {@code 2026-11-20T08:00},
     * read as UTC.
     *
     * @throws ValidationException naming {@code field} when it is not such a time or out of range
     */
    public static Instant utcLocal(String field, String value) {
        Instant at;
        try {
            at = LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw ValidationException.of(field, "the time must look like 2026-11-20T08:00");
        }
        return checked(field, at);
    }

    /** @return whether the time is within the accepted years (0000 to 9999) */
    public static boolean inRange(Instant at) {
        return !at.isBefore(MIN) && !at.isAfter(MAX);
    }

    private static Instant checked(String field, Instant at) {
        if (!inRange(at)) {
            throw ValidationException.of(field, field + " is out of range: give a time between the years 0000 and 9999");
        }
        return at;
    }
}
