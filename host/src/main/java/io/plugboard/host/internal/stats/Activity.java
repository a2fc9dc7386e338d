package io.plugboard.host.internal.stats;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard shows for one range: of every webhook, or of one (then {@code mostFailing} and
 * {@code eventTypes} are empty).
 */
public record Activity(ActivityRange range, Instant from, DeliveryActivity deliveries, QueueState queue,
                       List<Tally> mostFailing, List<Tally> eventTypes) {}
