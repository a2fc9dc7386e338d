package io.plugboard.host.internal.events;

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

/**
 * Turns an SDK {@link EventType} into a {@link RegisteredEventType}: parses its sample and schema,
 * checks the schema against its meta-schema, and checks that the sample satisfies the schema.
 */
public final class EventTypeCompiler {

    private final ObjectMapper mapper;

    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();

    public EventTypeCompiler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws InvalidEventTypeException saying what is wrong with the sample or the schema
     */
    public RegisteredEventType compile(EventType type, String pluginId) {
        JsonNode sample = parse(type.sampleJson(), type.key(), "sample payload");
        if (!sample.isObject()) {
            throw new InvalidEventTypeException(type.key() + ": the sample payload must be a JSON object");
        }
        JsonNode schemaJson = null;
        JsonSchema schema = null;
        if (type.schemaJson().isPresent()) {
            schemaJson = parse(type.schemaJson().get(), type.key(), "JSON Schema");
            schema = compileSchema(type.key(), schemaJson);
        }
        RegisteredEventType registered = new RegisteredEventType(type.key(), type.name(), type.description(),
                type.group(), pluginId, (ObjectNode) sample, schemaJson, schema);
        List<String> problems = registered.validate(sample);
        if (!problems.isEmpty()) {
            throw new InvalidEventTypeException(type.key()
                    + ": the sample payload does not match the schema: " + String.join("; ", problems));
        }
        return registered;
    }

    private JsonSchema compileSchema(String key, JsonNode schemaJson) {
        if (!schemaJson.isObject() && !schemaJson.isBoolean()) {
            throw new InvalidEventTypeException(key + ": the JSON Schema must be an object");
        }
        try {
            SpecVersion.VersionFlag dialect = schemaJson.has("$schema")
                    ? SpecVersionDetector.detect(schemaJson)
                    : SpecVersion.VersionFlag.V202012;
            JsonSchemaFactory dialectFactory = JsonSchemaFactory.getInstance(dialect);
            List<String> metaProblems = checkAgainstMetaSchema(dialectFactory, dialect, schemaJson);
            if (!metaProblems.isEmpty()) {
                throw new InvalidEventTypeException(key + ": the JSON Schema is not valid: " + String.join("; ", metaProblems));
            }
            return dialectFactory.getSchema(schemaJson, config);
        } catch (InvalidEventTypeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventTypeException(key + ": the JSON Schema cannot be used: " + e.getMessage());
        }
    }

    private List<String> checkAgainstMetaSchema(JsonSchemaFactory dialectFactory, SpecVersion.VersionFlag dialect,
                                                JsonNode schemaJson) {
        JsonSchema meta = dialectFactory.getSchema(SchemaLocation.of(dialect.getId()), config);
        List<String> problems = new ArrayList<>();
        meta.validate(schemaJson).forEach(m -> problems.add(m.getMessage()));
        return problems;
    }

    private JsonNode parse(String json, String key, String what) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventTypeException(key + ": the " + what + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

}
