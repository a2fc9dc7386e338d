package io.plugboard.verifier.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import io.plugboard.sdk.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one check of an SDK {@link EventType}'s sample and schema, shared by the verifier and the host:
 * parses both, checks the schema against its meta-schema (JSON Schema 2020-12 unless it names another
 * {@code $schema}), and the sample against the schema.
 */
public final class EventTypeSchemas {

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();
    /**
     * Each dialect's meta-schema, compiled and initialised once per process: compiling it took most of a
     * host's start (once per event type with a schema). A compiled schema is safe to share once its
     * validators are initialised; the event types' own schemas are still compiled by a factory of their own.
     */
    private static final Map<SpecVersion.VersionFlag, JsonSchema> META_SCHEMAS = new ConcurrentHashMap<>();

    private final ObjectMapper mapper;

    /** @param mapper reads samples and schemas (the host's keeps numbers exact) */
    public EventTypeSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * An event type's checked parts.
     *
     * @param schemaJson null without a schema
     * @param schema null without a schema
     */
    public record Checked(ObjectNode sample, JsonNode schemaJson, JsonSchema schema) {

        /** @return why the data does not satisfy the schema, sorted; empty without a schema */
        public List<String> validate(JsonNode data) {
            return schema == null ? List.of() : problems(schema, data);
        }
    }

    /**
     * @throws InvalidSchemaException saying, after the type's key, what is wrong with the sample or the schema
     */
    public Checked check(EventType type) {
        JsonNode sample = parse(type.sampleJson(), type.key(), "sample payload");
        if (!sample.isObject()) {
            throw new InvalidSchemaException(type.key() + ": the sample payload must be a JSON object");
        }
        if (type.schemaJson().isEmpty()) {
            return new Checked((ObjectNode) sample, null, null);
        }
        JsonNode schemaJson = parse(type.schemaJson().get(), type.key(), "JSON Schema");
        Checked checked = new Checked((ObjectNode) sample, schemaJson, compile(type.key(), schemaJson));
        List<String> problems = checked.validate(sample);
        if (!problems.isEmpty()) {
            throw new InvalidSchemaException(type.key() + ": the sample payload does not match the schema: "
                    + String.join("; ", problems));
        }
        return checked;
    }

    /** @return why the data does not satisfy the schema, one line each, sorted */
    public static List<String> problems(JsonSchema schema, JsonNode data) {
        return schema.validate(data).stream().map(m -> m.getMessage()).sorted().toList();
    }

    private JsonSchema compile(String key, JsonNode schemaJson) {
        if (!schemaJson.isObject() && !schemaJson.isBoolean()) {
            throw new InvalidSchemaException(key + ": the JSON Schema must be an object");
        }
        try {
            SpecVersion.VersionFlag dialect = schemaJson.has("$schema")
                    ? SpecVersionDetector.detect(schemaJson)
                    : SpecVersion.VersionFlag.V202012;
            JsonSchema meta = META_SCHEMAS.computeIfAbsent(dialect, EventTypeSchemas::metaSchema);
            List<String> metaProblems = new ArrayList<>();
            meta.validate(schemaJson).forEach(m -> metaProblems.add(m.getMessage()));
            if (!metaProblems.isEmpty()) {
                throw new InvalidSchemaException(key + ": the JSON Schema is not valid: " + String.join("; ", metaProblems));
            }
            return JsonSchemaFactory.getInstance(dialect).getSchema(schemaJson, CONFIG);
        } catch (InvalidSchemaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidSchemaException(key + ": the JSON Schema cannot be used: " + e.getMessage());
        }
    }

    private static JsonSchema metaSchema(SpecVersion.VersionFlag dialect) {
        JsonSchema meta = JsonSchemaFactory.getInstance(dialect).getSchema(SchemaLocation.of(dialect.getId()), CONFIG);
        meta.initializeValidators();
        return meta;
    }

    private JsonNode parse(String json, String key, String what) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSchemaException(key + ": the " + what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
