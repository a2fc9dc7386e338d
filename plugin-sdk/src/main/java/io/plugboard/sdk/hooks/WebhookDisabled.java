package io.plugboard.sdk.hooks;

/**
 * The payload of {@link CoreHooks#WEBHOOK_DISABLED}.
 *
 * @param webhookId the webhook's id
 * @param cause why it was turned off
 * @param reason the host's words for it (as the admin sees them), or null when an admin turned it off
 */
public record WebhookDisabled(String webhookId, DisableCause cause, String reason) {}
