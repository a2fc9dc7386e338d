package io.plugboard.host.internal.inbound;

/**
 * An inbound webhook just created or whose key was just rotated, with the access key in clear: the
 * only time it is known, since only its hash is stored.
 */
public record CreatedKey(InboundWebhook webhook, String accessKey) {

    /** @return the URL's path, {@code /hooks/in/<id>/<access key>} */
    public String path() {
        return webhook.pathPrefix() + accessKey;
    }
}
