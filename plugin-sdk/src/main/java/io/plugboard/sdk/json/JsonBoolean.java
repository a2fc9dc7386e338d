package io.plugboard.sdk.json;

/**
 * JSON {@code true} or {@code false}.
 *
 * @param value the boolean
 */
public record JsonBoolean(boolean value) implements JsonValue {

    /** JSON {@code true}. */
    public static final JsonBoolean TRUE = new JsonBoolean(true);
    /** JSON {@code false}. */
    public static final JsonBoolean FALSE = new JsonBoolean(false);

    /** @param value a boolean @return {@link #TRUE} or {@link #FALSE} */
    public static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override public String kind() { return "boolean"; }
    @Override public boolean asBoolean() { return value; }
    @Override public String toJson() { return Boolean.toString(value); }
    @Override public Object toJava() { return value; }
    @Override public String toString() { return toJson(); }
}
