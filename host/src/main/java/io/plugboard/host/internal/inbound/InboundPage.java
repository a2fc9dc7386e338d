package io.plugboard.host.internal.inbound;

import java.util.List;

/** One page of a search of inbound webhooks, with the number of all matches. */
public record InboundPage(List<InboundWebhook> data, long total) {}
