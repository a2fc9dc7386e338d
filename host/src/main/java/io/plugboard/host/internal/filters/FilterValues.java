package io.plugboard.host.internal.filters;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * How a filter compares a field with a literal. A number compares with a number, or with text that
 * reads as one (amounts are often strings); text compares with text; a missing field equals only
 * {@code null}, and every ordering comparison with it is false.
 */
final class FilterValues {

    /** The literal {@code null}. */
    static final Object NULL = new Object();

    private FilterValues() {}

    static BigDecimal number(String text, int column) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new FilterSyntaxException("'" + text + "' at column " + column + " is not a number");
        }
    }

    static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.decimalValue().signum() != 0;
        }
        return !v.isTextual() || !v.textValue().isEmpty();
    }

    static boolean compare(JsonNode v, String op, Object literal) {
        Integer order = order(v, literal);
        return switch (op) {
            case "==" -> order != null && order == 0;
            case "!=" -> order == null || order != 0;
            case "<" -> order != null && literal != NULL && order < 0;
            case "<=" -> order != null && literal != NULL && order <= 0;
            case ">" -> order != null && literal != NULL && order > 0;
            case ">=" -> order != null && literal != NULL && order >= 0;
            default -> false;
        };
    }

    /** @return the field's order relative to the literal, or null when they cannot be compared */
    private static Integer order(JsonNode v, Object literal) {
        if (literal == NULL) {
            return v.isMissingNode() || v.isNull() ? 0 : null;
        }
        if (literal instanceof BigDecimal n) {
            BigDecimal value = v.isNumber() ? v.decimalValue() : v.isTextual() ? parse(v.textValue()) : null;
            return value == null ? null : value.compareTo(n);
        }
        if (literal instanceof Boolean b) {
            return v.isBoolean() && v.booleanValue() == b ? 0 : null;
        }
        if (v.isTextual()) {
            return Integer.signum(v.textValue().compareTo((String) literal));
        }
        return null;
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
