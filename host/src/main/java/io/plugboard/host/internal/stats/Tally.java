package io.plugboard.host.internal.stats;

/** A count under a name: a webhook's failed attempts (id and name), or an event type's emits (id = name). */
public record Tally(String id, String name, long count) {}
