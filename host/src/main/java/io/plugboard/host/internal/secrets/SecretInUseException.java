package io.plugboard.host.internal.secrets;

import io.plugboard.host.internal.common.ConflictException;
import java.util.List;
import java.util.Map;

/** A secret that webhooks still refer to cannot be deleted: a 409 with their names as details. */
public final class SecretInUseException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> webhooks;

    SecretInUseException(String name, List<String> webhooks) {
        super("secret " + name + " is used by " + String.join(", ", webhooks)
                + "; remove it from their template and headers first");
        this.webhooks = List.copyOf(webhooks);
    }

    public List<String> webhooks() {
        return webhooks;
    }

    @Override
    public Object details() {
        return Map.of("webhooks", String.join(", ", webhooks));
    }
}
