/**
 * Hooks: typed actions and filters ({@link io.plugboard.sdk.hooks.Hooks}), the hooks the host fires
 * ({@link io.plugboard.sdk.hooks.CoreHooks}) and their payloads. JSON appears as text.
 */
package io.plugboard.sdk.hooks;
