/**
 * Immutable JSON values for plugins: {@link io.plugboard.sdk.json.JsonValue} and its kinds,
 * {@link io.plugboard.sdk.json.Json#parse(String)} and the builders. The SDK's methods that take or give
 * JSON (events, samples, JSON routes, the outgoing-payload filter) accept these next to JSON text.
 */
package io.plugboard.sdk.json;
