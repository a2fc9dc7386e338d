package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.StoredEvent;

/** A delivery to attempt now: which attempt this is, and the event to send. */
record DueDelivery(String id, String webhookId, int attempt, StoredEvent event) {}
