package io.plugboard.plugins.formatsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the key fields of an event's data. Automatically: the top-level strings, numbers and booleans
 * in document order, then those of nested objects one level down ({@code customer.email}); arrays, nulls
 * and deeper objects are left out. With a {@code fields} setting: exactly those paths, in that order,
 * skipping the ones the event lacks (objects and arrays there are shown as compact JSON).
 */
public final class FieldPicker {

    private FieldPicker() {}

    /**
     * @param data the event's data
     * @param paths the paths of the {@code fields} setting, or empty for the automatic choice
     * @param max how many fields the format can show
     * @return the fields to show and how many were left out
     */
    public static PickedFields pick(ObjectNode data, List<List<String>> paths, int max) {
        List<DataField> all = paths.isEmpty() ? automatic(data) : named(data, paths);
        int shown = Math.min(max, all.size());
        return new PickedFields(all.subList(0, shown), all.size() - shown);
    }

    private static List<DataField> automatic(ObjectNode data) {
        List<DataField> fields = new ArrayList<>();
        List<DataField> nested = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            JsonNode value = entry.getValue();
            if (EventData.isScalar(value)) {
                fields.add(new DataField(entry.getKey(), EventData.text(value)));
            } else if (value.isObject()) {
                for (Map.Entry<String, JsonNode> inner : value.properties()) {
                    if (EventData.isScalar(inner.getValue())) {
                        nested.add(new DataField(entry.getKey() + "." + inner.getKey(), EventData.text(inner.getValue())));
                    }
                }
            }
        }
        fields.addAll(nested);
        return fields;
    }

    private static List<DataField> named(ObjectNode data, List<List<String>> paths) {
        List<DataField> fields = new ArrayList<>();
        for (List<String> path : paths) {
            JsonNode value = DataPaths.find(data, path);
            if (value != null && !value.isNull()) {
                fields.add(new DataField(String.join(".", path), EventData.text(value)));
            }
        }
        return fields;
    }
}
