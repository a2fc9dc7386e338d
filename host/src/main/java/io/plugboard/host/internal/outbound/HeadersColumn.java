package io.plugboard.host.internal.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** A webhook's custom headers as stored: a JSON object of name → value, NULL when there are none. */
final class HeadersColumn {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private final ObjectMapper mapper = new ObjectMapper();

    String write(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write headers", e);
        }
    }

    Map<String, String> read(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not a JSON object of strings", e);
        }
    }
}
