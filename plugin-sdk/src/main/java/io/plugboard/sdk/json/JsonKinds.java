package io.plugboard.sdk.json;

/** The one wording of "this is not the kind you asked for", shared by values and object getters. */
final class JsonKinds {

    private JsonKinds() {}

    static JsonException mismatch(String what, JsonValue actual, String wanted) {
        return new JsonException(what + " is " + described(actual) + ", not " + wanted);
    }

    static String described(JsonValue value) {
        return switch (value.kind()) {
            case "object" -> "an object";
            case "array" -> "an array";
            case "null" -> "null";
            default -> "a " + value.kind();
        };
    }
}
