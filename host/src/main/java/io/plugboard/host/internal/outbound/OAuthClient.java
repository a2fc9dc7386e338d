package io.plugboard.host.internal.outbound;

/**
 * OAuth 2.0 client credentials for one HTTP webhook: the host fetches a token from {@code tokenUrl}
 * (authenticating as {@code clientId} with the value of the named secret {@code clientSecret}) and sends
 * it as {@code Authorization: Bearer}. Nothing here is secret: the secret's value stays in the secrets store.
 *
 * @param tokenUrl the token endpoint (http or https; the outbound guard judges it like a webhook's URL)
 * @param clientId the client id
 * @param clientSecret the name of the secret holding the client secret (Secrets page, {@code /api/v1/secrets})
 * @param scope the scope asked for, or null
 */
public record OAuthClient(String tokenUrl, String clientId, String clientSecret, String scope) {
}
