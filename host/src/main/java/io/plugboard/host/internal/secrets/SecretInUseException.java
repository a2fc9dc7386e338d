package io.plugboard.host.internal.secrets;

import java.util.List;

/** A secret that webhooks still refer to cannot be deleted; the web layer answers 409 with their names. */
public final class SecretInUseException extends RuntimeException {

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
}
