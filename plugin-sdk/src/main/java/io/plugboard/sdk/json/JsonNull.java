package io.plugboard.sdk.json;

/** JSON {@code null}; its one instance is {@link #INSTANCE}. */
public final class JsonNull implements JsonValue {

    /** The JSON {@code null}. */
    public static final JsonNull INSTANCE = new JsonNull();

    private JsonNull() {}

    @Override public String kind() { return "null"; }
    @Override public String toJson() { return "null"; }
    @Override public Object toJava() { return null; }
    @Override public String toString() { return "null"; }
    @Override public boolean equals(Object o) { return o instanceof JsonNull; }
    @Override public int hashCode() { return 0; }
}
