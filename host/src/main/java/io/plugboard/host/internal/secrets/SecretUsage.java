package io.plugboard.host.internal.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Which webhooks refer to a secret, in their template or a header value: such a secret cannot be deleted. */
final class SecretUsage {

    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    SecretUsage(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    /** @return "name (id)" of every webhook using the secret */
    List<String> webhooksUsing(String secret) {
        List<String> users = new ArrayList<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, name, template, headers FROM webhooks "
                        + "WHERE template IS NOT NULL OR headers IS NOT NULL ORDER BY name")
                .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("name"), rs.getString("template"),
                        rs.getString("headers")})
                .forEach(row -> {
                    if (SecretRefs.in(row[2]).contains(secret) || headerValuesUse(row[3], secret)) {
                        users.add(row[1] + " (" + row[0] + ")");
                    }
                }));
        return users;
    }

    private boolean headerValuesUse(String headersJson, String secret) {
        if (headersJson == null) {
            return false;
        }
        try {
            for (JsonNode value : mapper.readTree(headersJson)) {
                if (SecretRefs.in(value.asText()).contains(secret)) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
    }
}
