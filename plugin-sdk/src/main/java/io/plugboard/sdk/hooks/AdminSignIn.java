package io.plugboard.sdk.hooks;

/**
 * The payload of {@link CoreHooks#ADMIN_SIGNED_IN}. No password, session or address is included.
 *
 * @param username the account's user name
 * @param role its role ({@code admin} or {@code viewer})
 */
public record AdminSignIn(String username, String role) {}
