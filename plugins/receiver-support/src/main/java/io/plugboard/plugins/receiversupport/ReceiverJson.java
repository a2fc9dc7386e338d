package io.plugboard.plugins.receiversupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.io.IOException;

/**
 * A receiver's JSON: reads a request body strictly (content after the document is refused, so a
 * body is never half read) and writes event data. Each receiver plugin shades this class into its jar
 * and relocates it with its own Jackson, so no two plugins, nor the host, share it.
 */
public final class ReceiverJson {

    private final ObjectMapper mapper;

    private ReceiverJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Strict reading; numbers as Jackson reads them by default (decimals as doubles). */
    public static ReceiverJson strict() {
        return new ReceiverJson(JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build());
    }

    /**
     * Strict reading that keeps decimals exactly as the sender wrote them (no rounding to a double, no
     * trailing zeros dropped): for a receiver that passes the sender's numbers on.
     */
    public static ReceiverJson strictWithExactNumbers() {
        return new ReceiverJson(JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build());
    }

    /** The mapper, for building nodes and reading settings. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * @return the body's document; null or a missing node when the body is empty
     * @throws UnparseableRequestException saying where the body stops being JSON (its first line only)
     */
    public JsonNode readBody(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new UnparseableRequestException("the body is not JSON: " + firstLine(e));
        }
    }

    /** @return the data as JSON text, for {@code ReceivedEvent.of} */
    public String write(JsonNode data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson's messages go on to show the source; the sender needs the first line. */
    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
