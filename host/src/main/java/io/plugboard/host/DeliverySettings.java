package io.plugboard.host;

import java.time.Duration;
import io.plugboard.host.internal.outbound.WebhookValidator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How the delivery engine retries, times out and cleans up. {@link #defaults()} suits production;
 * tests compress the schedule. Immutable; change values with {@link #toBuilder()}.
 */
public final class DeliverySettings {

    private final List<Duration> retrySchedule;
    private final double jitter;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxResponseBodyBytes;
    private final int maxInFlightPerWebhook;
    private final int maxInFlightTotal;
    private final Duration maxRetryAfter;
    private final Duration autoDisableAfter;
    private final int autoDisableMinFailures;
    private final Duration secretRotationOverlap;
    private final Duration retention;
    private final Duration drainTimeout;
    private final Duration leaseDuration;
    private final OptionalDouble rateLimit;
    /** As set on the builder (null: derived from the timeouts), so toBuilder() keeps deriving it. */
    private final Duration leaseSetting;

    private DeliverySettings(Builder b) {
        this.retrySchedule = List.copyOf(b.retrySchedule);
        this.jitter = b.jitter;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxResponseBodyBytes = b.maxResponseBodyBytes;
        this.maxInFlightPerWebhook = b.maxInFlightPerWebhook;
        this.maxInFlightTotal = b.maxInFlightTotal;
        this.maxRetryAfter = b.maxRetryAfter;
        this.autoDisableAfter = b.autoDisableAfter;
        this.autoDisableMinFailures = b.autoDisableMinFailures;
        this.secretRotationOverlap = b.secretRotationOverlap;
        this.retention = b.retention;
        this.drainTimeout = b.drainTimeout;
        this.leaseSetting = b.leaseDuration;
        this.rateLimit = b.rateLimit;
        Duration twiceLongest = b.connectTimeout.plus(b.requestTimeout).multipliedBy(2);
        this.leaseDuration = b.leaseDuration != null ? b.leaseDuration
                : twiceLongest.compareTo(Duration.ofSeconds(60)) > 0 ? twiceLongest : Duration.ofSeconds(60);
    }

    /**
     * Retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±20%); connect timeout 5 s, request 15 s;
     * 16 KB of each response kept; 8 requests in flight per webhook and 256 in all; Retry-After honoured
     * up to 1 h; a webhook failing for 5 days and at least 20 attempts is disabled; a rotated secret
     * keeps signing for 24 h; attempts and payloads are kept 30 days; stop waits 10 s for requests in flight;
     * an instance claims a delivery for 60 s at a time, renewed every 10 s while it runs (twice the
     * connect and request timeouts if that is longer); no rate limit but the webhooks' own.
     *
     * @return the defaults
     */
    public static DeliverySettings defaults() {
        return new Builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return delays before the 2nd, 3rd, … attempt; after the last the delivery fails */
    public List<Duration> retrySchedule() { return retrySchedule; }

    /** @return the random spread applied to each delay, e.g. 0.2 for ±20% */
    public double jitter() { return jitter; }

    /** @return the TCP connect timeout */
    public Duration connectTimeout() { return connectTimeout; }

    /** @return how long one request may take in all, response body included */
    public Duration requestTimeout() { return requestTimeout; }

    /** @return how much of each response body is read and stored */
    public int maxResponseBodyBytes() { return maxResponseBodyBytes; }

    /** @return requests in flight to one webhook at most */
    public int maxInFlightPerWebhook() { return maxInFlightPerWebhook; }

    /** @return requests in flight in all at most */
    public int maxInFlightTotal() { return maxInFlightTotal; }

    /** @return the longest Retry-After honoured; longer ones are cut to this */
    public Duration maxRetryAfter() { return maxRetryAfter; }

    /** @return how long a webhook must fail without a success before it is disabled */
    public Duration autoDisableAfter() { return autoDisableAfter; }

    /** @return how many failed attempts in a row it also takes */
    public int autoDisableMinFailures() { return autoDisableMinFailures; }

    /** @return how long the previous secret keeps signing after a rotation */
    public Duration secretRotationOverlap() { return secretRotationOverlap; }

    /** @return how long finished deliveries, their attempts and events are kept */
    public Duration retention() { return retention; }

    /** @return how long {@code close()} waits for requests in flight */
    public Duration drainTimeout() { return drainTimeout; }

    /**
     * @return how long an instance's claim on a delivery lasts unless renewed (every sixth of it); when
     *     an instance dies, another takes its deliveries over this long after its last renewal
     */
    public Duration leaseDuration() { return leaseDuration; }

    /**
     * @return requests per second at most to a webhook that has no {@code rate_limit} of its own;
     *     empty: no limit
     */
    public OptionalDouble rateLimit() { return rateLimit; }

    /** Builds {@link DeliverySettings}; every value starts at its default. */
    public static final class Builder {
        private List<Duration> retrySchedule = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(10));
        private double jitter = 0.2;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private int maxResponseBodyBytes = 16 * 1024;
        private int maxInFlightPerWebhook = 8;
        private int maxInFlightTotal = 256;
        private Duration maxRetryAfter = Duration.ofHours(1);
        private Duration autoDisableAfter = Duration.ofDays(5);
        private int autoDisableMinFailures = 20;
        private Duration secretRotationOverlap = Duration.ofHours(24);
        private Duration retention = Duration.ofDays(30);
        private Duration drainTimeout = Duration.ofSeconds(10);
        /** Null until set: then 60 s, or twice the connect and request timeouts if that is longer. */
        private Duration leaseDuration;
        private OptionalDouble rateLimit = OptionalDouble.empty();

        private Builder() {}

        private Builder(DeliverySettings s) {
            retrySchedule = s.retrySchedule;
            jitter = s.jitter;
            connectTimeout = s.connectTimeout;
            requestTimeout = s.requestTimeout;
            maxResponseBodyBytes = s.maxResponseBodyBytes;
            maxInFlightPerWebhook = s.maxInFlightPerWebhook;
            maxInFlightTotal = s.maxInFlightTotal;
            maxRetryAfter = s.maxRetryAfter;
            autoDisableAfter = s.autoDisableAfter;
            autoDisableMinFailures = s.autoDisableMinFailures;
            secretRotationOverlap = s.secretRotationOverlap;
            retention = s.retention;
            drainTimeout = s.drainTimeout;
            leaseDuration = s.leaseSetting;
            rateLimit = s.rateLimit;
        }

        /** @param delays delays before each retry; empty means one attempt only @return this builder */
        public Builder retrySchedule(List<Duration> delays) {
            delays.forEach(d -> positive(d, "retry delay"));
            this.retrySchedule = List.copyOf(delays);
            return this;
        }

        /** @param spread between 0 and 0.5 @return this builder */
        public Builder jitter(double spread) {
            if (spread < 0 || spread > 0.5) {
                throw new IllegalArgumentException("jitter must be between 0 and 0.5, not " + spread);
            }
            this.jitter = spread;
            return this;
        }

        /** @param timeout the TCP connect timeout @return this builder */
        public Builder connectTimeout(Duration timeout) { this.connectTimeout = positive(timeout, "connectTimeout"); return this; }

        /** @param timeout how long one request may take, response body included @return this builder */
        public Builder requestTimeout(Duration timeout) { this.requestTimeout = positive(timeout, "requestTimeout"); return this; }

        /** @param bytes response bytes kept @return this builder */
        public Builder maxResponseBodyBytes(int bytes) { this.maxResponseBodyBytes = atLeast(bytes, 0, "maxResponseBodyBytes"); return this; }

        /** @param n requests in flight per webhook @return this builder */
        public Builder maxInFlightPerWebhook(int n) { this.maxInFlightPerWebhook = atLeast(n, 1, "maxInFlightPerWebhook"); return this; }

        /** @param n requests in flight in all @return this builder */
        public Builder maxInFlightTotal(int n) { this.maxInFlightTotal = atLeast(n, 1, "maxInFlightTotal"); return this; }

        /** @param max the longest Retry-After honoured @return this builder */
        public Builder maxRetryAfter(Duration max) { this.maxRetryAfter = positive(max, "maxRetryAfter"); return this; }

        /**
         * @param after how long a webhook fails before it is disabled
         * @param minFailures and how many failed attempts in a row it takes
         * @return this builder
         */
        public Builder autoDisable(Duration after, int minFailures) {
            this.autoDisableAfter = positive(after, "autoDisableAfter");
            this.autoDisableMinFailures = atLeast(minFailures, 1, "autoDisableMinFailures");
            return this;
        }

        /** @param overlap how long a rotated-out secret keeps signing @return this builder */
        public Builder secretRotationOverlap(Duration overlap) {
            this.secretRotationOverlap = notNegative(overlap, "secretRotationOverlap");
            return this;
        }

        /** @param age how long history is kept @return this builder */
        public Builder retention(Duration age) { this.retention = positive(age, "retention"); return this; }

        /** @param timeout how long close() waits for requests in flight @return this builder */
        public Builder drainTimeout(Duration timeout) { this.drainTimeout = notNegative(timeout, "drainTimeout"); return this; }

        /**
         * @param duration how long a claim on a delivery lasts unless renewed; it must exceed 1.5 times
         *     the connect and request timeouts together, so a request always ends inside its claim
         * @return this builder
         */
        public Builder leaseDuration(Duration duration) { this.leaseDuration = positive(duration, "leaseDuration"); return this; }

        /**
         * @param perSecond requests per second at most to each webhook without a limit of its own (0.01 to
         *     10000; fractions allowed): a token bucket holding one second's worth, shared by the instances
         *     on one PostgreSQL database; what waits stays queued in order and is not a failed attempt
         * @return this builder
         */
        public Builder rateLimit(double perSecond) {
            String problem = WebhookValidator.rateLimitProblem(perSecond);
            if (problem != null) {
                throw new IllegalArgumentException(problem.replace("rate_limit", "rateLimit"));
            }
            this.rateLimit = OptionalDouble.of(perSecond);
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException if the lease is too short for the timeouts
         */
        public DeliverySettings build() {
            Duration longestRequest = connectTimeout.plus(requestTimeout);
            if (leaseDuration != null && leaseDuration.multipliedBy(2).compareTo(longestRequest.multipliedBy(3)) <= 0) {
                throw new IllegalArgumentException("leaseDuration (" + leaseDuration + ") must exceed 1.5 times "
                        + "connectTimeout + requestTimeout (" + longestRequest + ")");
            }
            return new DeliverySettings(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, not " + d);
            }
            return d;
        }

        private static Duration notNegative(Duration d, String name) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, not " + d);
            }
            return d;
        }

        private static int atLeast(int n, int min, String name) {
            if (n < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", not " + n);
            }
            return n;
        }
    }
}
