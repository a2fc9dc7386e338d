package io.plugboard.sdk.json;

import java.math.BigDecimal;

/**
 * An immutable JSON value: a {@link JsonObject}, a {@link JsonArray}, a {@link JsonString}, a
 * {@link JsonNumber}, a {@link JsonBoolean} or {@link JsonNull}. Read one with {@link Json#parse},
 * make one with {@link Json#of} or the builders, and write it with {@link #toJson()}.
 *
 * <p>The {@code as…} methods return the value as the asked-for kind or throw {@link JsonException}
 * saying what it is instead. Values are equal when they have the same kind and content (objects
 * regardless of member order; numbers by numeric value, so {@code 12.5} equals {@code 12.50}).
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** @return {@code object}, {@code array}, {@code string}, {@code number}, {@code boolean} or {@code null} */
    String kind();

    /** @return compact JSON text (no spaces between tokens); numbers keep their exact text */
    String toJson();

    /** @return whether this is a {@link JsonObject} */
    default boolean isObject() { return this instanceof JsonObject; }

    /** @return whether this is a {@link JsonArray} */
    default boolean isArray() { return this instanceof JsonArray; }

    /** @return whether this is a {@link JsonString} */
    default boolean isString() { return this instanceof JsonString; }

    /** @return whether this is a {@link JsonNumber} */
    default boolean isNumber() { return this instanceof JsonNumber; }

    /** @return whether this is a {@link JsonBoolean} */
    default boolean isBoolean() { return this instanceof JsonBoolean; }

    /** @return whether this is JSON {@code null} */
    default boolean isNull() { return this instanceof JsonNull; }

    /** @return this object @throws JsonException if it is not an object */
    default JsonObject asObject() { throw JsonKinds.mismatch("the value", this, "an object"); }

    /** @return this array @throws JsonException if it is not an array */
    default JsonArray asArray() { throw JsonKinds.mismatch("the value", this, "an array"); }

    /** @return this string's text @throws JsonException if it is not a string */
    default String asString() { throw JsonKinds.mismatch("the value", this, "a string"); }

    /**
     * @return this number as a {@code long}
     * @throws JsonException if it is not a number, has a fraction, or does not fit a {@code long}
     */
    default long asLong() { throw JsonKinds.mismatch("the value", this, "a number"); }

    /** @return this number, exactly as written ({@code 12.50} has scale 2) @throws JsonException if it is not a number */
    default BigDecimal asDecimal() { throw JsonKinds.mismatch("the value", this, "a number"); }

    /** @return this boolean @throws JsonException if it is not a boolean */
    default boolean asBoolean() { throw JsonKinds.mismatch("the value", this, "a boolean"); }

    /**
     * @return this value as plain Java: {@code Map<String, Object>} (ordered), {@code List<Object>},
     *     {@code String}, {@code BigDecimal} or {@code Long} (whole numbers that fit), {@code Boolean} or null
     */
    Object toJava();
}
