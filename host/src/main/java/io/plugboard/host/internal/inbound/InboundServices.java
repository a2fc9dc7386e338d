package io.plugboard.host.internal.inbound;

/** What the web layer needs for inbound webhooks: management, receiving, and the received events. */
public record InboundServices(InboundService webhooks, InboundReceiving receiving, ReceivedEvents received) {}
