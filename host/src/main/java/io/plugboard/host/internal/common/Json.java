package io.plugboard.host.internal.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The host's Jackson configurations: the API's (snake_case fields, ISO-8601 times, strict input) and the one for
 * event data. Both keep numbers exactly (see {@link #exactNumbers}), because event data passes through both.
 */
public final class Json {

    private Json() {}

    public static ObjectMapper newMapper() {
        return exactNumbers(JsonMapper.builder())
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }

    /**
     * The mapper for event {@code data} handed over as Java objects: field names are kept as the
     * emitter wrote them (no snake_case renaming), times are ISO-8601 strings.
     */
    public static ObjectMapper newDataMapper() {
        return exactNumbers(JsonMapper.builder())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Trees read numbers with fractions as {@code BigDecimal}s, trailing zeros kept ({@code 12.50} stays
     * {@code 12.50}, a long decimal is not rounded to a double), and BigDecimals are written in plain notation,
     * so {@code 0.00000001} is not written as {@code 1E-8}. Only trees change: a POJO's {@code double} field
     * and an untyped {@code Map} read as before. Event data is stored and delivered as the emitter wrote it
     * (a number written with an exponent, {@code 1.5e3}, keeps its value but is written {@code 1500}).
     */
    private static JsonMapper.Builder exactNumbers(JsonMapper.Builder builder) {
        return builder
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
