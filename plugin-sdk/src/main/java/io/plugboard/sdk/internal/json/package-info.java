/**
 * Not API: how the SDK reads and writes JSON text. May change in any release; plugins must use
 * {@code io.plugboard.sdk.json} instead.
 */
package io.plugboard.sdk.internal.json;
