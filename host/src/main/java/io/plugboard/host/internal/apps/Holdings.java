package io.plugboard.host.internal.apps;

/**
 * What an application holds, counted: what deleting it would delete with it (its webhooks' deliveries with their
 * attempts, its inbound webhooks, its secrets), shown before a delete and in the admin's list.
 */
public record Holdings(long webhooks, long inboundWebhooks, long secrets, long deliveries) {}
