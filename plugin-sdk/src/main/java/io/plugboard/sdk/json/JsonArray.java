package io.plugboard.sdk.json;

import io.plugboard.sdk.internal.json.JsonText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** An immutable JSON array. Build one with {@link #builder()} or {@link #of(Object...)}. */
public final class JsonArray implements JsonValue, Iterable<JsonValue> {

    private static final JsonArray EMPTY = new JsonArray(List.of());

    private final List<JsonValue> items;

    private JsonArray(List<JsonValue> items) {
        this.items = items;
    }

    /** @return the empty array */
    public static JsonArray empty() { return EMPTY; }

    /**
     * @param items values that {@link Json#of(Object)} accepts (JSON values, maps, lists, strings, numbers,
     *     booleans, null)
     * @return them as an array
     */
    public static JsonArray of(Object... items) {
        Builder b = builder();
        for (Object item : items) {
            b.add(item);
        }
        return b.build();
    }

    /** @param items a list of values that {@link Json#of(Object)} accepts @return them as an array */
    public static JsonArray from(List<?> items) {
        Builder b = builder();
        items.forEach(b::add);
        return b.build();
    }

    /** @return a builder for an array */
    public static Builder builder() { return new Builder(); }

    /** @return the number of items */
    public int size() { return items.size(); }

    /** @return whether there are no items */
    public boolean isEmpty() { return items.isEmpty(); }

    /** @param index 0-based @return that item @throws IndexOutOfBoundsException if there is none */
    public JsonValue get(int index) { return items.get(index); }

    /** @return the items, unmodifiable */
    public List<JsonValue> items() { return items; }

    /** @return the items in order */
    public Stream<JsonValue> stream() { return items.stream(); }

    @Override public Iterator<JsonValue> iterator() { return items.iterator(); }
    @Override public String kind() { return "array"; }
    @Override public JsonArray asArray() { return this; }
    @Override public String toJson() { return JsonText.write(this); }
    @Override public String toString() { return toJson(); }

    /** @return the items as plain Java values (see {@link JsonValue#toJava()}), a modifiable list */
    @Override
    public List<Object> toJava() {
        List<Object> list = new ArrayList<>(items.size());
        items.forEach(item -> list.add(item.toJava()));
        return list;
    }

    @Override public boolean equals(Object o) { return o instanceof JsonArray other && items.equals(other.items); }
    @Override public int hashCode() { return items.hashCode(); }

    /** Collects the items of a {@link JsonArray}; not thread-safe, usable once. */
    public static final class Builder {
        private final List<JsonValue> items = new ArrayList<>();

        private Builder() {}

        /** @param item a value that {@link Json#of(Object)} accepts @return this builder */
        public Builder add(Object item) {
            items.add(Json.of(item));
            return this;
        }

        /** @return the array */
        public JsonArray build() { return items.isEmpty() ? EMPTY : new JsonArray(List.copyOf(items)); }
    }
}
