package io.plugboard.host.internal.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Which webhooks refer to a secret, in their template, a header value or as their OAuth client secret: such a
 * secret cannot be deleted. Only the secret's own application's webhooks count: a webhook reads the secrets of
 * its application only.
 */
final class SecretUsage {

    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    SecretUsage(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    /** @return "name (id)" of every webhook of the application using the secret */
    List<String> webhooksUsing(String app, String secret) {
        List<String> users = new ArrayList<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, name, template, headers, oauth FROM webhooks WHERE app_id = :app "
                        + "AND (template IS NOT NULL OR headers IS NOT NULL OR oauth IS NOT NULL) ORDER BY name")
                .bind("app", app)
                .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("name"), rs.getString("template"),
                        rs.getString("headers"), rs.getString("oauth")})
                .forEach(row -> {
                    if (SecretRefs.in(row[2]).contains(secret) || headerValuesUse(row[3], secret)
                            || oauthUses(row[4], secret)) {
                        users.add(row[1] + " (" + row[0] + ")");
                    }
                }));
        return users;
    }

    /** The oauth column holds the client secret's name (outbound.AccessColumns). */
    private boolean oauthUses(String oauthJson, String secret) {
        if (oauthJson == null) {
            return false;
        }
        try {
            return secret.equals(mapper.readTree(oauthJson).path("client_secret").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored oauth settings are not JSON", e);
        }
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
