package io.plugboard.host.internal.stats;

import java.util.List;

/** The attempts of a range: one {@link Interval} per step, oldest first, and the whole range's. */
public record DeliveryActivity(List<Interval> intervals, Interval total) {}
