package io.plugboard.plugins.formatsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Paths into an event's data as the settings write them: keys joined by dots, e.g. {@code customer.email}.
 * Keys are letters, digits, {@code _} and {@code -} (a key with a dot cannot be named).
 */
public final class DataPaths {

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]{1,100}(\\.[A-Za-z0-9_-]{1,100}){0,4}");

    private DataPaths() {}

    /**
     * @param text one path, trimmed
     * @return its keys
     * @throws IllegalArgumentException saying what a path looks like
     */
    public static List<String> parse(String text) {
        if (!PATH.matcher(text).matches()) {
            throw new IllegalArgumentException("\"" + Text.cut(text, 60) + "\" is not a data path: keys of letters, digits, "
                    + "_ or - joined by dots, at most 5 deep, e.g. customer.email");
        }
        return List.of(text.split("\\."));
    }

    /**
     * @param text a comma-separated list of paths, or blank
     * @param max how many the format can show
     * @return the paths, empty when blank
     * @throws IllegalArgumentException naming the first bad path, or saying there are too many
     */
    public static List<List<String>> parseList(String text, int max) {
        List<List<String>> paths = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return paths;
        }
        for (String part : text.split(",", -1)) {
            paths.add(parse(part.trim()));
        }
        if (paths.size() > max) {
            throw new IllegalArgumentException("names " + paths.size() + " fields; at most " + max + " can be shown");
        }
        return paths;
    }

    /** @return the value at the path, or null when the data has none there */
    public static JsonNode find(JsonNode data, List<String> path) {
        JsonNode node = data;
        for (String key : path) {
            node = node.isObject() ? node.get(key) : null;
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
