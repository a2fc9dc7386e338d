/**
 * Where events go and what shape they have: a plugin adds a {@link io.plugboard.sdk.outbound.Destination}
 * (a message broker, a queue, a chat service) or a {@link io.plugboard.sdk.outbound.PayloadFormat} (a
 * Slack message, a Teams card). An admin then chooses them per webhook, and deliveries through them keep
 * every guarantee of HTTP webhooks: subscriptions, filters, signatures, retries on the same schedule, at
 * least once across crashes, the delivery log, redeliver and test sends.
 */
package io.plugboard.sdk.outbound;
