package io.plugboard.host.internal.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.host.internal.common.DefaultApp;
import java.time.Instant;
import java.util.List;

/**
 * A tenant: one of the embedder's customers, with its own webhooks, inbound webhooks, named secrets and
 * deliveries, none of which another application's token or portal session can see.
 *
 * @param uid the embedder's own id of the customer, unique; paths accept it or {@code id}
 * @param metadata what the embedder keeps with it, given back as is
 * @param allowedEventTypes which event types its webhooks may subscribe to
 * @param frameAncestors origins allowed to frame its portal; null for the host-wide setting
 * @param theme how its portal looks; null parts fall back to the host's
 * @param delivery its own retention and auto-disable time, where they differ from the host's
 */
public record Application(String id, String uid, String name, ObjectNode metadata, AllowedEventTypes allowedEventTypes,
                          List<String> frameAncestors, PortalTheme theme, AppDeliverySettings delivery,
                          Instant createdAt, Instant updatedAt) {

    /** @return true for the application that holds what was made without naming one */
    public boolean isDefault() {
        return DefaultApp.ID.equals(id);
    }

    /** @return true if its webhooks may subscribe to the type */
    public boolean allows(String eventType) {
        return allowedEventTypes.allows(eventType);
    }
}
