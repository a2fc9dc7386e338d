package io.plugboard.sdk.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number, kept as the exact text it was read or made from: {@code 12.50} is written back as
 * {@code 12.50}, never through a {@code double}. Two numbers are equal when their values are equal
 * ({@code 12.5} and {@code 12.50}, {@code 1e2} and {@code 100}).
 */
public final class JsonNumber implements JsonValue {

    private final String text;
    private final BigDecimal value;

    private JsonNumber(String text, BigDecimal value) {
        this.text = text;
        this.value = value;
    }

    /**
     * @param text a JSON number, e.g. {@code "12.50"} or {@code "-3e5"}
     * @return it, keeping the text
     * @throws JsonException if the text is not a JSON number
     */
    public static JsonNumber of(String text) {
        if (text == null || !text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw new JsonException("'" + text + "' is not a JSON number");
        }
        return new JsonNumber(text, new BigDecimal(text));
    }

    /** @param value a whole number @return it as a JSON number */
    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value), BigDecimal.valueOf(value));
    }

    /** @param value a decimal, written as {@link BigDecimal#toString()} (so a scale of 2 stays 2) @return it */
    public static JsonNumber of(BigDecimal value) {
        return of(value.toString());
    }

    /** @param value a whole number of any size @return it as a JSON number */
    public static JsonNumber of(BigInteger value) {
        return of(value.toString());
    }

    /** @param value a finite double @return it, written as {@link Double#toString(double)} @throws JsonException for NaN or infinity */
    public static JsonNumber of(double value) {
        if (!Double.isFinite(value)) {
            throw new JsonException(value + " has no JSON form: JSON numbers are finite");
        }
        return of(BigDecimal.valueOf(value));
    }

    /** @return the number's text, as read or made */
    public String text() { return text; }

    @Override public String kind() { return "number"; }
    @Override public BigDecimal asDecimal() { return value; }

    @Override
    public long asLong() {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new JsonException("the number " + text + " is not a whole number that fits a long");
        }
    }

    @Override public String toJson() { return text; }

    @Override
    public Object toJava() {
        boolean whole = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        if (whole && value.toBigInteger().bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }

    @Override public String toString() { return text; }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonNumber other && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }
}
