package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds numbers in event data that do not fit a double, such as {@code 1e999999999}: Jackson reads
 * them as infinity, which would be stored as the string {@code "Infinity"} and break every receiver
 * that reads numbers. Their paths are named like {@code data.n} or {@code data.items[2].price}.
 */
final class NumberRange {

    /** Enough paths to show what is wrong without making the answer as large as the data. */
    static final int MAX_REPORTED = 20;

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
            if (!Double.isFinite(node.doubleValue())) {
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
