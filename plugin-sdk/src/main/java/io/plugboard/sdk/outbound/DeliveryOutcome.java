package io.plugboard.sdk.outbound;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Destination} answers for one message; recorded as the attempt's outcome in the delivery
 * log, where the admin reads {@link #detail()}.
 */
public final class DeliveryOutcome {

    /** The kinds of outcome, each with what the host does next. */
    public enum Kind {
        /** Accepted by the destination: the delivery succeeded. */
        DELIVERED,
        /** Not accepted this time: tried again on the webhook's retry schedule (or after the given delay). */
        RETRY,
        /** Can never be delivered (e.g. refused as too large): the delivery fails now, without retries. */
        GIVE_UP,
        /** The destination is gone for good (like HTTP 410): the delivery fails and the webhook is disabled. */
        GONE
    }

    private final Kind kind;
    private final String detail;
    private final Duration retryAfter;

    private DeliveryOutcome(Kind kind, String detail, Duration retryAfter) {
        this.kind = kind;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.retryAfter = retryAfter;
    }

    /**
     * @param answer what the destination answered, for the log (e.g. {@code stream events, sequence 42})
     * @return a success
     */
    public static DeliveryOutcome delivered(String answer) {
        return new DeliveryOutcome(Kind.DELIVERED, answer, null);
    }

    /**
     * @param reason why it was not accepted, in words (e.g. {@code the broker did not confirm (nack)})
     * @return an outcome retried on the webhook's schedule
     */
    public static DeliveryOutcome retry(String reason) {
        return new DeliveryOutcome(Kind.RETRY, reason, null);
    }

    /**
     * @param reason why it was not accepted
     * @param after how long the destination asked to wait; the host caps it as it caps HTTP {@code Retry-After}
     * @return an outcome retried after the given delay
     */
    public static DeliveryOutcome retry(String reason, Duration after) {
        if (after == null || after.isNegative()) {
            throw new IllegalArgumentException("retry after a positive duration, not " + after);
        }
        return new DeliveryOutcome(Kind.RETRY, reason, after);
    }

    /**
     * @param reason why this message can never be delivered
     * @return a failure without retries; the webhook stays enabled
     */
    public static DeliveryOutcome giveUp(String reason) {
        return new DeliveryOutcome(Kind.GIVE_UP, reason, null);
    }

    /**
     * @param reason why the destination is gone (e.g. {@code the stream was deleted})
     * @return a failure that also disables the webhook, as an HTTP 410 does
     */
    public static DeliveryOutcome gone(String reason) {
        return new DeliveryOutcome(Kind.GONE, reason, null);
    }

    /** @return which outcome this is */
    public Kind kind() {
        return kind;
    }

    /** @return what the destination answered, or why it did not accept the message */
    public String detail() {
        return detail;
    }

    /** @return the delay a {@link Kind#RETRY} asked for, if any */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
