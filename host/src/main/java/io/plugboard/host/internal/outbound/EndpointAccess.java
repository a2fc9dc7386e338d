package io.plugboard.host.internal.outbound;

/**
 * How an HTTP webhook's endpoint is reached beyond its URL: mutual TLS and OAuth 2.0 client credentials,
 * each optional.
 *
 * @param tls the client certificate and trusted CAs, or null
 * @param oauth the client credentials the bearer token is fetched with, or null
 */
public record EndpointAccess(ClientTls tls, OAuthClient oauth) {

    public static final EndpointAccess NONE = new EndpointAccess(null, null);

    public boolean isNone() {
        return tls == null && oauth == null;
    }

    /**
     * A change: each part replaced only when its flag is set (to null to remove it); a changed certificate
     * given with the key as {@link ClientTls#MASK} keeps the stored key.
     */
    public record Changes(boolean tlsChanged, ClientTls tls, boolean oauthChanged, OAuthClient oauth) {

        public static final Changes NONE = new Changes(false, null, false, null);
        /** Both removed (e.g. a webhook moving to a plugin's destination, where neither applies). */
        public static final Changes REMOVE = new Changes(true, null, true, null);

        public EndpointAccess applyTo(EndpointAccess current) {
            ClientTls now = current.tls();
            ClientTls t = tlsChanged ? keepMaskedKey(tls, now) : now;
            return new EndpointAccess(t, oauthChanged ? oauth : current.oauth());
        }

        private static ClientTls keepMaskedKey(ClientTls given, ClientTls current) {
            if (given == null || !ClientTls.MASK.equals(given.key())) {
                return given;
            }
            return new ClientTls(given.certificate(), current == null ? null : current.key(), given.ca());
        }
    }
}
