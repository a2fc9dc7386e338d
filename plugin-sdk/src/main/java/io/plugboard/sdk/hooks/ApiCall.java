package io.plugboard.sdk.hooks;

/**
 * The payload of {@link CoreHooks#API_REQUEST}: one answered request to {@code /api}.
 *
 * @param method the HTTP method
 * @param path the path, Plugboard-relative ({@code /api/v1/events}); no query string
 * @param callerKind {@code token}, {@code session}, {@code app} or {@code anonymous}
 * @param status the status answered
 * @param durationMillis how long the answer took
 */
public record ApiCall(String method, String path, String callerKind, int status, long durationMillis) {}
