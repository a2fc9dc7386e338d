/**
 * Inbound webhooks: a {@link io.plugboard.sdk.inbound.Receiver} turns what an external system POSTs to
 * {@code /hooks/in/{id}/{access_key}} into Plugboard events. The host finds receivers in active plugins,
 * stores each inbound webhook's settings, checks the access key, and emits the events the receiver
 * returns. JSON appears as text; a receiver that parses JSON bundles its own library.
 */
package io.plugboard.sdk.inbound;
