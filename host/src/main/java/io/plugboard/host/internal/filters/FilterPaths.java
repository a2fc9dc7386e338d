package io.plugboard.host.internal.filters;

import com.fasterxml.jackson.core.JsonPointer;

/** Turns a filter's field into a JSON Pointer: {@code data.items[0].sku} → {@code /data/items/0/sku}. */
final class FilterPaths {

    private FilterPaths() {}

    static String pointer(String path, int column) {
        String pointer;
        if (path.startsWith("/")) {
            pointer = path;
        } else {
            StringBuilder p = new StringBuilder();
            for (String segment : path.replace("[", ".").replace("]", "").split("\\.", -1)) {
                if (segment.isEmpty()) {
                    throw new FilterSyntaxException("the field '" + path + "' at column " + column + " has an empty part");
                }
                p.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            }
            pointer = p.toString();
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new FilterSyntaxException("the field '" + path + "' at column " + column + " is not a valid JSON Pointer");
        }
        return pointer;
    }
}
