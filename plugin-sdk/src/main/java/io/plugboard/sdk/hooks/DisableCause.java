package io.plugboard.sdk.hooks;

/** Why a webhook was turned off ({@link WebhookDisabled}). */
public enum DisableCause {
    /** The endpoint answered 410 Gone, or a destination said its target is gone. */
    GONE,
    /** Every attempt failed for longer than the host allows. */
    FAILING_TOO_LONG,
    /** An admin (or the API) turned it off. */
    ADMIN
}
