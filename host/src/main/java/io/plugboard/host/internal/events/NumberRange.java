package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds numbers in event data that do not fit a double, such as {@code 1e999999999}, and refuses them:
 * data is kept exactly (as decimals), but most receivers read numbers as doubles and would see infinity.
 * Also refused: a number written with an exponent whose plain form would run past {@link #MAX_SCALE}
 * digits after or before the point (such as {@code 0e-99999}), since data is written in plain notation.
 * Their paths are named like {@code data.n} or {@code data.items[2].price}.
 */
final class NumberRange {

    /** Enough paths to show what is wrong without making the answer as large as the data. */
    static final int MAX_REPORTED = 20;

    /** More than any plain number Jackson reads (1,000 characters), less than its writer's limit (9,999). */
    static final int MAX_SCALE = 1_500;

    private NumberRange() {}

    /** @return one {@code <path>: number out of range} per such number (at most {@link #MAX_REPORTED}) */
    static List<String> problems(JsonNode data) {
        List<String> out = new ArrayList<>();
        walk(data, "data", out);
        return out;
    }

    private static void walk(JsonNode node, String path, List<String> out) {
        if (out.size() >= MAX_REPORTED) {
            return;
        }
        if (node.isNumber()) {
            if (!Double.isFinite(node.doubleValue())
                    || node.isBigDecimal() && Math.abs(node.decimalValue().scale()) > MAX_SCALE) {
                out.add(path + ": number out of range");
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), path + "." + field.getKey(), out);
            }
        }
    }
}
