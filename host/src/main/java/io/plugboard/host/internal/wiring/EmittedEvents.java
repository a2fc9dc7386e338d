package io.plugboard.host.internal.wiring;

import io.plugboard.host.internal.delivery.DeliveryMetrics;
import io.plugboard.host.internal.events.EventMinutes;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.EmittedEvent;
import java.util.function.Consumer;

/**
 * What follows a committed emit, on the emitting thread: the event is counted (for the metrics and the
 * dashboard's {@link EventMinutes}), the dispatcher woken
 * for its deliveries, and {@link CoreHooks#EVENT_EMITTED} told (only when a callback listens).
 */
final class EmittedEvents implements Consumer<StoredEvent> {

    private final DeliveryMetrics metrics;
    private final Runnable wake;
    private final HookRunner hooks;
    private final EventMinutes minutes;

    /**
     * @param minutes counts emitted events per type and minute for the dashboard
     * @param wake wakes the dispatcher (the engine is built after the event service, which it emits through)
     */
    EmittedEvents(DeliveryMetrics metrics, EventMinutes minutes, Runnable wake, HookRunner hooks) {
        this.metrics = metrics;
        this.minutes = minutes;
        this.wake = wake;
        this.hooks = hooks;
    }

    @Override
    public void accept(StoredEvent event) {
        metrics.emitted(event.type());
        minutes.count(event);
        wake.run();
        if (hooks.has(CoreHooks.EVENT_EMITTED)) {
            hooks.doAction(CoreHooks.EVENT_EMITTED,
                    new EmittedEvent(event.id(), event.type(), event.source(), event.data(), event.createdAt()));
        }
    }
}
