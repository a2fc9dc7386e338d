package io.plugboard.sdk.json;

import java.util.Optional;

/** Walks a dotted path ({@code "customer.email"}, {@code "items.0.sku"}) through objects and arrays. */
final class JsonPath {

    private JsonPath() {}

    static Optional<JsonValue> find(JsonObject root, String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a JSON path must name at least one key");
        }
        JsonValue current = root;
        for (String part : path.split("\\.", -1)) {
            if (current instanceof JsonObject object) {
                current = object.members().get(part);
            } else if (current instanceof JsonArray array && part.matches("[0-9]{1,9}")
                    && Integer.parseInt(part) < array.size()) {
                current = array.get(Integer.parseInt(part));
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    static JsonValue required(JsonObject root, String path, String wanted) {
        JsonValue value = find(root, path).orElseThrow(() -> new JsonException(path + " is missing"));
        return checked(path, value, wanted);
    }

    static Optional<JsonValue> optional(JsonObject root, String path, String wanted) {
        return find(root, path).filter(v -> !v.isNull()).map(v -> checked(path, v, wanted));
    }

    private static JsonValue checked(String path, JsonValue value, String wanted) {
        String actual = JsonKinds.described(value);
        if (!actual.equals(wanted)) {
            throw JsonKinds.mismatch(path, value, wanted);
        }
        return value;
    }
}
