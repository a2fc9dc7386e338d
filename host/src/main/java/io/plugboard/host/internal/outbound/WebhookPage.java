package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.outbound.Webhook;
import java.util.List;

/** One page of a webhook search, with the number of all matches. */
public record WebhookPage(List<Webhook> data, long total) {}
